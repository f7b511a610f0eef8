// Time slots that interleave two benches on one machine: bench_widgets'
// awaited round trips and ws_echo's floor take turns, slot by slot, so that
// what else the machine does at the time weighs on both alike. Slots are
// cut from the wall clock (system_clock: the same in both processes), so
// the two need no channel to agree: even slots are bench_widgets', odd ones
// ws_echo's.
#pragma once

#include <chrono>
#include <cstdint>

namespace bench {

/// How long to wait until a slot of `parity` (0 or 1) begins with at least
/// `margin` of it left; zero when the current slot is one and has that much.
inline std::chrono::microseconds until_slot(std::chrono::microseconds slot, int parity,
                                            std::chrono::microseconds margin) {
  using namespace std::chrono;
  const auto now = duration_cast<microseconds>(system_clock::now().time_since_epoch());
  const auto k = now / slot;
  const auto left = (k + 1) * slot - now;
  if (k % 2 == parity && left > margin) return microseconds(0);
  // The next slot of this parity: one or two slots on.
  const auto next = (k % 2 == parity) ? k + 2 : k + 1;
  return next * slot - now;
}

}  // namespace bench
