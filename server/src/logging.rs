//! The server's log as an operator reads it (stderr): one line per event, whatever a client
//! sent. Every line goes through [`LogWriter`], which
//! - escapes control characters (terminal escapes, line breaks, C1 codes) and the Unicode
//!   direction overrides, so client text (a CSP report, a header, an id) can neither drive
//!   the operator's terminal nor fake a line;
//! - cuts a line past [`MAX_LINE`] bytes;
//! - lets at most [`SIMILAR_PER_WINDOW`] similar lines (the same once digits are set aside:
//!   the same message from the same route with the same status) through in
//!   [`WINDOW`], counts the rest and says so once the window is over: "N similar lines
//!   suppressed". A flood of requests costs the log a few lines, not megabytes.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tracing_subscriber::fmt::MakeWriter;

/// The longest line written, in bytes (before escaping).
pub const MAX_LINE: usize = 2048;
/// Similar lines written per window; the rest are counted.
pub const SIMILAR_PER_WINDOW: u32 = 20;
pub const WINDOW: Duration = Duration::from_secs(10);
/// Kinds of line remembered at once; past it, new kinds share one count.
const MAX_KINDS: usize = 1024;

/// Sets the process's log up: `MASCATE_LOG` filter (`info` by default), to stderr.
pub fn init() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MASCATE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_target(false)
        .with_ansi(false)
        .with_writer(LogWriter::new(std::io::stderr))
        .init();
}

struct Kind {
    since: Instant,
    written: u32,
    suppressed: u64,
    example: String,
}

/// What has been written lately, by kind.
#[derive(Default)]
struct Recent {
    kinds: HashMap<String, Kind>,
    swept: Option<Instant>,
}

impl Recent {
    /// The lines to write for `line` (escaped, without its newline) at `now`: the summaries
    /// of windows that have ended, then the line itself unless its kind is over its share.
    fn admit(&mut self, line: String, now: Instant) -> Vec<String> {
        let mut out = Vec::new();
        // Ended windows are looked for at most once a second.
        if self.swept.is_some_and(|s| now.duration_since(s) < Duration::from_secs(1)) {
            return self.count(line, now, out);
        }
        self.swept = Some(now);
        self.kinds.retain(|_, k| {
            let over = now.duration_since(k.since) >= WINDOW;
            if over && k.suppressed > 0 {
                out.push(format!(
                    "{} similar lines suppressed in {} s, the last: {}",
                    k.suppressed,
                    WINDOW.as_secs(),
                    k.example
                ));
            }
            !over
        });
        self.count(line, now, out)
    }

    fn count(&mut self, line: String, now: Instant, mut out: Vec<String>) -> Vec<String> {
        let mut key = similar(&line);
        if self.kinds.len() >= MAX_KINDS && !self.kinds.contains_key(&key) {
            key = String::from("(too many kinds of line)");
        }
        let kind =
            self.kinds.entry(key).or_insert(Kind { since: now, written: 0, suppressed: 0, example: String::new() });
        if now.duration_since(kind.since) >= WINDOW {
            *kind = Kind {
                since: now,
                written: 0,
                suppressed: kind.suppressed,
                example: std::mem::take(&mut kind.example),
            };
        }
        if kind.written < SIMILAR_PER_WINDOW {
            kind.written += 1;
            out.push(line);
        } else {
            kind.suppressed += 1;
            kind.example = line;
        }
        out
    }
}

/// A line with its digits set aside (times, ids, counts, latencies), for likeness.
fn similar(line: &str) -> String {
    let mut key = String::with_capacity(line.len().min(256));
    let mut last_digit = false;
    for c in line.chars() {
        let digit = c.is_ascii_digit();
        if !(digit && last_digit) {
            key.push(if digit { '#' } else { c });
        }
        last_digit = digit;
    }
    key
}

/// Whether `c` may not reach a log raw.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character escaped (`\x1b`, `\u{202e}`), cut at [`MAX_LINE`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_LINE) + 16);
    let mut end = text.len();
    if text.len() > MAX_LINE {
        end = (0..=MAX_LINE).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    }
    for c in text[..end].chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    if end < text.len() {
        out.push_str(&format!(" …({} bytes more)", text.len() - end));
    }
    out
}

/// A [`MakeWriter`] that escapes, cuts and thins lines out on their way to `W`.
#[derive(Clone)]
pub struct LogWriter<F> {
    make: F,
    recent: Arc<Mutex<Recent>>,
}

impl<F> LogWriter<F> {
    pub fn new(make: F) -> LogWriter<F> {
        LogWriter { make, recent: Arc::default() }
    }
}

/// One event's bytes, written when the event is done.
pub struct Line<F: Fn() -> W, W: Write> {
    writer: LogWriter<F>,
    buf: Vec<u8>,
}

impl<'a, F: Fn() -> W + 'a, W: Write> MakeWriter<'a> for LogWriter<F>
where
    F: Clone,
{
    type Writer = Line<F, W>;

    fn make_writer(&'a self) -> Self::Writer {
        Line { writer: self.clone(), buf: Vec::new() }
    }
}

impl<F: Fn() -> W, W: Write> Write for Line<F, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<F: Fn() -> W, W: Write> Drop for Line<F, W> {
    fn drop(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let text = String::from_utf8_lossy(&self.buf);
        let line = escape(text.strip_suffix('\n').unwrap_or(&text));
        let lines = self.writer.recent.lock().unwrap_or_else(|p| p.into_inner()).admit(line, Instant::now());
        let mut out = (self.writer.make)();
        for line in lines {
            // A log that cannot be written must not take the server down.
            let _ = out.write_all(format!("{line}\n").as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_direction_overrides_are_escaped() {
        assert_eq!(
            escape("a\u{1b}[2J\u{1b}[31mFAKE\nnext\u{9b}\u{202e}z"),
            "a\\x1b[2J\\x1b[31mFAKE\\x0anext\\x9b\\u{202e}z"
        );
        let long = "é".repeat(MAX_LINE);
        let cut = escape(&long);
        assert!(cut.len() < MAX_LINE + 40 && cut.ends_with("bytes more)"), "{}", cut.len());
    }

    #[test]
    fn similar_lines_past_the_share_are_counted_then_summed_up() {
        let mut recent = Recent::default();
        let t0 = Instant::now();
        let mut written = 0;
        for n in 0..1000 {
            written += recent.admit(format!("12:00:{n} INFO answered status=429 latency_ms=0.{n}"), t0).len();
        }
        assert_eq!(written, SIMILAR_PER_WINDOW as usize);
        assert_eq!(recent.admit("other line".into(), t0).len(), 1, "another kind of line goes through");
        let after = recent.admit("12:00:59 INFO answered status=429 latency_ms=0.1".into(), t0 + WINDOW);
        assert_eq!(after.len(), 2, "{after:?}");
        assert!(after[0].starts_with("980 similar lines suppressed"), "{after:?}");
    }
}
