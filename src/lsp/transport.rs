//! The stdio transport: `Content-Length` framed JSON-RPC, tolerant of a misbehaving client.
//!
//! `lsp-server`'s own stdio transport stops reading at the first malformed frame or payload;
//! an editor (or a fuzzer) sending one bad message must not end the session, so the reader
//! here skips what it cannot understand and keeps going. The writer takes messages from an
//! unbounded channel, so the server never waits on a slow client to go on linting.

use std::io::{self, BufRead, Write};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, Message};

/// Largest message accepted (a definition is at most 32 MB on disk; JSON escaping can grow it).
const MAX_MESSAGE_BYTES: usize = 128 * 1024 * 1024;

/// What the reader makes of one frame.
#[derive(Debug)]
pub(crate) enum Frame {
    Message(Message),
    /// A frame whose payload was not a JSON-RPC message (skipped, reported on stderr).
    Malformed(String),
    /// End of input.
    Eof,
}

/// Read one frame. Header lines without `\r\n`, unknown headers and garbage before a
/// header are tolerated; a missing or absurd `Content-Length` skips to the next header block.
pub(crate) fn read_frame(input: &mut dyn BufRead) -> io::Result<Frame> {
    let mut size: Option<usize> = None;
    let mut line = Vec::new();
    let mut saw_header = false;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(Frame::Eof);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("Content-Length")
        {
            size = value.trim().parse::<usize>().ok();
        }
    }
    let Some(size) = size.filter(|s| *s <= MAX_MESSAGE_BYTES) else {
        return Ok(Frame::Malformed(
            "header block without a valid Content-Length".into(),
        ));
    };
    let mut buf = vec![0u8; size];
    if input.read_exact(&mut buf).is_err() {
        return Ok(Frame::Eof);
    }
    match serde_json::from_slice::<Message>(&buf) {
        Ok(m) => Ok(Frame::Message(m)),
        Err(e) => Ok(Frame::Malformed(format!("not a JSON-RPC message: {e}"))),
    }
}

/// Write one message with its header.
pub(crate) fn write_message(out: &mut dyn Write, msg: &Message) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct JsonRpc<'a> {
        jsonrpc: &'static str,
        #[serde(flatten)]
        msg: &'a Message,
    }
    let text = serde_json::to_string(&JsonRpc {
        jsonrpc: "2.0",
        msg,
    })?;
    write!(out, "Content-Length: {}\r\n\r\n", text.len())?;
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Threads of the transport; join after the connection is dropped.
pub(crate) struct Threads {
    writer: std::thread::JoinHandle<()>,
}

impl Threads {
    /// Wait for the writer to flush what was queued (the reader may still be blocked on
    /// stdin; it ends with the process).
    pub(crate) fn join(self) {
        let _ = self.writer.join();
    }
}

/// A connection over any reader and writer (stdio in production, pipes in tests).
pub(crate) fn connect<R, W>(input: R, output: W) -> (Connection, Threads)
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (to_server, from_client): (Sender<Message>, Receiver<Message>) =
        crossbeam_channel::unbounded();
    let (to_client, for_writer): (Sender<Message>, Receiver<Message>) =
        crossbeam_channel::unbounded();
    std::thread::spawn(move || {
        let mut input = input;
        loop {
            match read_frame(&mut input) {
                Ok(Frame::Message(m)) => {
                    let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                    if to_server.send(m).is_err() || exit {
                        break;
                    }
                }
                Ok(Frame::Malformed(why)) => {
                    crate::safe_eprintln!("connkit lsp: skipped a message: {why}");
                }
                Ok(Frame::Eof) | Err(_) => break,
            }
        }
        // Dropping the sender tells the main loop the client is gone.
    });
    let writer = std::thread::spawn(move || {
        let mut output = output;
        for m in for_writer {
            if write_message(&mut output, &m).is_err() {
                break;
            }
        }
    });
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { writer },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut r = io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_frame(&mut r).unwrap() {
                Frame::Eof => return out,
                Frame::Message(m) => out.push(format!("msg {m:?}").chars().take(20).collect()),
                Frame::Malformed(_) => out.push("bad".into()),
            }
        }
    }

    #[test]
    fn malformed_frames_are_skipped_not_fatal() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{bad}}Content-Length: {}\r\n\r\n{ok}X-Other: 1\n\nContent-Length: 3\r\n\r\n[1]Content-Length: {}\r\n\r\n{ok}",
            ok.len(),
            ok.len()
        );
        let got = frames(input.as_bytes());
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "bad");
        assert!(got[1].starts_with("msg"));
        assert_eq!(got[2], "bad");
        assert_eq!(got[3], "bad");
        assert!(got[4].starts_with("msg"));
    }

    #[test]
    fn truncated_body_is_end_of_input() {
        assert!(frames(b"Content-Length: 50\r\n\r\n{}").is_empty());
        assert_eq!(frames(b"Content-Length: 999999999999\r\n\r\n"), ["bad"]);
    }
}
