//! One article's panic is that article's error, not the run's (issue 17).
//!
//! A bug that panics on one real article used to end a corpus run with
//! exit 101 and no output at all. Each article now runs under
//! [`catch_panic`]: a panic becomes a soft error like a bad article,
//! `internal error in <stage>: <message> at <file:line>; please report`,
//! the other articles are still written, and the run exits 2.
//!
//! Rust prints every panic through the panic hook before unwinding; the
//! hook installed here stays quiet on a thread inside [`catch_panic`] and
//! only notes where the panic happened, so the user sees the one line.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                LOCATION.with(|slot| *slot.borrow_mut() = at);
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `work`; a panic inside it comes back as the one-line message of a
/// soft error, naming the pipeline stage it happened in.
///
/// `AssertUnwindSafe` is sound here: what `work` touches is dropped with
/// the failed article (its document, its partial graph), and the shared
/// knowledge base is only read.
pub fn catch_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    stancegraph::stage::enter(stancegraph::stage::DECODE, "");
    let was = GUARDED.with(|g| g.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(was));
    outcome.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic without a message".to_string());
        let message = message.lines().next().unwrap_or("").to_string();
        let at = LOCATION
            .with(|slot| slot.borrow_mut().take())
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        format!(
            "internal error in {}: {message}{at}; please report",
            stancegraph::stage::current()
        )
    })
}
