//! A progress line for long lint runs, on a terminal only.
//!
//! Written to stderr, and only when stderr is a terminal, `CI` is unset (CI logs capture a
//! pseudo-terminal on some hosts), `TERM` is not `dumb` and `--quiet` was not given: machine
//! formats (stdout) and logs never see it. It appears after half a second (short runs stay
//! silent) and is erased when linting ends.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub(crate) struct Progress {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    drawn: Arc<AtomicBool>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// Whether a progress line may be drawn on this stderr.
pub(crate) fn enabled(quiet: bool) -> bool {
    !quiet
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true)
}

impl Progress {
    /// Start counting `total` connectors; draws only where [`enabled`].
    pub(crate) fn start(total: usize, quiet: bool) -> Progress {
        let p = Progress {
            done: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            drawn: Arc::new(AtomicBool::new(false)),
            thread: Mutex::new(None),
        };
        if total > 1 && enabled(quiet) {
            let (done, stop, drawn) = (p.done.clone(), p.stop.clone(), p.drawn.clone());
            let handle = std::thread::spawn(move || {
                let mut waited = Duration::ZERO;
                let step = Duration::from_millis(100);
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(step);
                    waited += step;
                    if waited < Duration::from_millis(500) || stop.load(Ordering::Relaxed) {
                        continue;
                    }
                    let n = done.load(Ordering::Relaxed);
                    let mut e = std::io::stderr().lock();
                    let _ = write!(e, "\r\x1b[Kconnkit: linted {n}/{total} connectors");
                    let _ = e.flush();
                    drawn.store(true, Ordering::Relaxed);
                }
            });
            if let Ok(mut t) = p.thread.lock() {
                *t = Some(handle);
            }
        }
        p
    }

    /// One more connector linted.
    pub(crate) fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Stop drawing and erase the line.
    pub(crate) fn finish(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let handle = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(h) = handle {
            let _ = h.join();
        }
        if self.drawn.load(Ordering::Relaxed) {
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r\x1b[K");
            let _ = e.flush();
        }
    }
}
