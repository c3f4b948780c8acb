//! Diagnostics latency of `connkit lsp` after an edit (a benchmark aid, not a test).
//!
//! cargo run --release --example lsp_latency -- ../shared/corpus/connectors/certified-connectors/Entersoft
//!
//! Runs the real server loop ([`connkit::lsp::serve`]) on an in-memory connection, opens the
//! connector's definition (or the file named by EDIT, e.g. `EDIT=apiProperties.json`), then
//! makes EDITS (default 200) edits to it, alternately adding and removing one character in
//! the first `description` (a space at the end of a file without one), each sent as a
//! full-document `didChange`. Latency is from sending the change to receiving the edited
//! file's `publishDiagnostics`. Prints the median, p95 and max, the process's CPU time per edit (all
//! threads: the client's side here is small), and its resident memory and peak resident
//! memory (VmHWM) before and after the edits.

use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request};
use serde_json::json;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A field of /proc/self/status in KB (`VmRSS`: resident now, `VmHWM`: the peak).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time of the whole process (every thread), user + system.
fn cpu() -> Duration {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a rusage.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/connectors/certified-connectors/Entersoft".into());
    let dir = std::path::absolute(&dir).unwrap();
    // EDIT=apiProperties.json edits that file instead (the definition then stays on disk).
    let edited_file = std::env::var("EDIT").unwrap_or_else(|_| "apiDefinition.swagger.json".into());
    let def = dir.join(&edited_file);
    let text = std::fs::read_to_string(&def).expect("the file to edit");
    let edits: usize = std::env::var("EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let uri = connkit::lsp::text::path_to_uri(&def).unwrap();
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || connkit::lsp::serve(&server));
    let send = |m: Message| client.sender.send(m).unwrap();
    send(Request::new(1.into(), "initialize".into(), json!({"capabilities": {}})).into());
    let wait_diags = || loop {
        match client.receiver.recv().unwrap() {
            Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"] == uri.as_str() =>
            {
                return n.params["diagnostics"].as_array().map_or(0, Vec::len);
            }
            _ => {}
        }
    };
    send(Notification::new("initialized".into(), json!({})).into());
    let t = Instant::now();
    send(
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": uri.as_str(), "languageId": "json", "version": 1, "text": text}}),
        )
        .into(),
    );
    let n = wait_diags();
    println!(
        "{}: {} KB, {n} diagnostics, first lint {:.1} ms",
        def.display(),
        text.len() / 1024,
        t.elapsed().as_secs_f64() * 1e3
    );
    // One character more in the first description, or (a file without one) a space more at
    // its end.
    let edited = if text.contains("\"description\": \"") {
        text.replacen("\"description\": \"", "\"description\": \"x", 1)
    } else {
        format!("{text} ")
    };
    let rss_before = status_kb("VmRSS:");
    let hwm_before = status_kb("VmHWM:");
    let cpu_before = cpu();
    let mut times: Vec<Duration> = Vec::with_capacity(edits);
    for i in 0..edits {
        let body = if i % 2 == 0 { &edited } else { &text };
        let t = Instant::now();
        send(
            Notification::new(
                "textDocument/didChange".into(),
                json!({"textDocument": {"uri": uri.as_str(), "version": i + 2}, "contentChanges": [{"text": body}]}),
            )
            .into(),
        );
        wait_diags();
        times.push(t.elapsed());
    }
    let rss_after = status_kb("VmRSS:");
    let hwm_after = status_kb("VmHWM:");
    let cpu_per_edit = (cpu() - cpu_before) / edits.max(1) as u32;
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{edits} edits: median {:.1} ms, p95 {:.1} ms, max {:.1} ms, CPU {:.1} ms per edit (all threads); \
         RSS {} MB before, {} MB after; peak RSS {} MB before, {} MB after",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1]),
        ms(cpu_per_edit),
        rss_before / 1024,
        rss_after / 1024,
        hwm_before / 1024,
        hwm_after / 1024
    );
    send(Request::new(2.into(), "shutdown".into(), json!(null)).into());
    send(Notification::new("exit".into(), json!(null)).into());
    drop(client);
    let _ = thread.join();
}
