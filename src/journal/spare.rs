//! A read buffer kept between units of work on the same thread. The threads that
//! parse take one buffer per unit: a fresh one would cost page faults and zeroing
//! every time (a large allocation comes from, and returns to, the system).

use std::cell::Cell;

/// The largest buffer kept (a longer line may grow one past it: that one is freed).
const MOST: usize = 4 << 20;

thread_local! {
    static SPARE: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// The thread's spare buffer (empty when there is none), zeroed up to its length.
pub(super) fn take() -> Vec<u8> {
    SPARE.with(Cell::take)
}

/// Keeps `buf` for the thread's next [`take`].
pub(super) fn give(buf: Vec<u8>) {
    if buf.len() <= MOST {
        SPARE.with(|spare| spare.set(buf));
    }
}
