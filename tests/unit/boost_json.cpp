// Boost.JSON, header-only: its sources compiled once for the tests that read JSON.
#include <boost/json/src.hpp>
