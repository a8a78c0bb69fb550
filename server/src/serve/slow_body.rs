//! A request body with a deadline: it must arrive within `--body-timeout` seconds plus one
//! second per [`super::BODY_MIN_RATE`] bytes received, or reading it fails (the request is
//! answered 408 and the connection closed, see [`crate::http`]). While it arrives the
//! connection is not "answering" and may be let go at the cap ([`super::slots`]).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use tokio::time::{Instant, Sleep};

use super::slots::Request;
use super::BODY_MIN_RATE;

/// Set on a request whose body was cut for arriving too slowly; the layer in
/// [`crate::http`] answers it 408.
#[derive(Clone, Default)]
pub struct SlowBody(pub Arc<AtomicBool>);

impl SlowBody {
    pub fn is_cut(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// Why reading a body failed: it came too slowly.
#[derive(Debug, thiserror::Error)]
#[error("the request body arrived too slowly")]
pub struct TooSlow;

pub(super) struct TimedBody {
    inner: Incoming,
    deadline: Pin<Box<Sleep>>,
    started: Instant,
    timeout: Duration,
    received: u64,
    request: Arc<Request>,
    cut: SlowBody,
}

impl TimedBody {
    pub(super) fn new(inner: Incoming, timeout: Duration, request: Arc<Request>, cut: SlowBody) -> TimedBody {
        let started = Instant::now();
        if inner.is_end_stream() {
            request.body_done();
        }
        TimedBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(timeout)),
            started,
            timeout,
            received: 0,
            request,
            cut,
        }
    }
}

impl Body for TimedBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.received += data.len() as u64;
                    let earned = Duration::from_secs_f64(this.received as f64 / BODY_MIN_RATE as f64);
                    this.deadline.as_mut().reset(this.started + this.timeout + earned);
                }
                if this.inner.is_end_stream() {
                    this.request.body_done();
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(None) => {
                this.request.body_done();
                Poll::Ready(None)
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.into()))),
            Poll::Pending => {
                if this.deadline.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                if !this.cut.0.swap(true, Ordering::AcqRel) {
                    let total = this.request.counters().slow_bodies.fetch_add(1, Ordering::Relaxed) + 1;
                    tracing::warn!(received = this.received, total, "request body too slow: cut");
                }
                Poll::Ready(Some(Err(Box::new(TooSlow))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for TimedBody {
    fn drop(&mut self) {
        self.request.body_done();
    }
}
