//! A progress bar on stderr for long work (`import`, `compact`, `check --repair`),
//! drawn with `indicatif` only when stderr is a terminal and the work has lasted
//! longer than a delay (a second; `REFLECT_PROGRESS_AFTER_MS` for tests). In a pipe
//! or a file nothing is drawn, ever: no thread is even started.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

/// One piece of long work. Clones share the bar; [`Busy::finish`] (or dropping the
/// last clone) clears it.
#[derive(Clone)]
pub struct Busy {
    bar: ProgressBar,
    /// Whether the work is over: the delayed start must then draw nothing.
    finished: Arc<Mutex<bool>>,
}

impl Busy {
    /// Starts measuring `message`'s work, of `total` bytes when known (a bar), or of
    /// unknown length (a spinner). `ascii` draws with ASCII characters only.
    pub fn start(message: String, total: Option<u64>, after: Duration, ascii: bool) -> Busy {
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden())
            .with_style(style(total.is_some(), ascii))
            .with_message(message)
            .with_finish(ProgressFinish::AndClear);
        let busy = Busy {
            bar,
            finished: Arc::new(Mutex::new(false)),
        };
        if std::io::stderr().is_terminal() {
            let later = busy.clone();
            std::thread::spawn(move || {
                std::thread::sleep(after);
                let finished = later.finished.lock().unwrap_or_else(|e| e.into_inner());
                if !*finished {
                    later.bar.set_draw_target(ProgressDrawTarget::stderr());
                    later.bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        busy
    }

    /// How far the work is, in bytes (a new pass over the journal starts again at 0).
    pub fn set_position(&self, bytes: u64) {
        self.bar.set_position(bytes);
    }

    /// Runs `f` (which prints on stderr) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Ends the work and clears the bar from the terminal.
    pub fn finish(&self) {
        let mut finished = self.finished.lock().unwrap_or_else(|e| e.into_inner());
        *finished = true;
        self.bar.finish_and_clear();
    }
}

fn style(known_length: bool, ascii: bool) -> ProgressStyle {
    let template = if known_length {
        "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} ({elapsed})"
    } else {
        "{spinner} {msg} ({elapsed})"
    };
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    if ascii {
        style.progress_chars("=> ").tick_chars("|/-\\ ")
    } else {
        style.progress_chars("█▉▊▋▌▍▎▏ ")
    }
}
