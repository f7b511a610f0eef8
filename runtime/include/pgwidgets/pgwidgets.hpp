// pgwidgets for C++: the whole public API.
#pragma once

#include "pgwidgets/application.hpp"
#include "pgwidgets/draw.hpp"
#include "pgwidgets/errors.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/session.hpp"
#include "pgwidgets/task.hpp"
#include "pgwidgets/timer.hpp"
#include "pgwidgets/widgets.hpp"
