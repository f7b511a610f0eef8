// A TextBufferRef exists only as the product of TextSource::create_ref or
// create_named_ref (schema option only_created_by): the Widgets factory
// has no TextBufferRef, so a standalone ref, which would belong to no
// buffer and fail every call, does not compile.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Widgets W) {
  co_await W.TextBufferRef({.offset = 0});
}
