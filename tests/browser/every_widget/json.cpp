// Boost.JSON, header-only: its sources compiled once, here.
#include <boost/json/src.hpp>
