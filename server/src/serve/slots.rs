//! The open connections, who holds them, and who may be let go to make room.
//!
//! A connection is *answering* while one of its requests has its whole body and is being
//! answered; otherwise it is idle (before its headers, between keep-alive requests) or
//! receiving a body. Only answering connections are safe from eviction: a body still
//! arriving holds a slot no more firmly than a half-sent header.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::Notify;

use super::Counters;

/// The open connections.
pub(super) struct Slots {
    cap: usize,
    per_address: usize,
    next: AtomicU64,
    open: Mutex<Open>,
    counters: Arc<Counters>,
}

#[derive(Default)]
struct Open {
    entries: HashMap<u64, Entry>,
    per_address: HashMap<IpAddr, usize>,
}

struct Entry {
    address: IpAddr,
    /// Requests being answered on it.
    answering: usize,
    /// When it opened, or last started or finished answering.
    since: Instant,
    evict: Arc<Notify>,
}

/// One admitted connection; dropping it frees its place.
pub(super) struct Slot {
    id: u64,
    slots: Arc<Slots>,
    pub(super) evict: Arc<Notify>,
}

impl Open {
    fn remove(&mut self, id: u64) -> Option<Entry> {
        let entry = self.entries.remove(&id)?;
        if let Some(n) = self.per_address.get_mut(&entry.address) {
            *n -= 1;
            if *n == 0 {
                self.per_address.remove(&entry.address);
            }
        }
        Some(entry)
    }

    /// The connection to let go among those `eligible`: not answering, of the address
    /// holding the most, idle (or receiving) the longest.
    fn victim(&self, eligible: impl Fn(&Entry) -> bool) -> Option<u64> {
        self.entries
            .iter()
            .filter(|(_, e)| e.answering == 0 && eligible(e))
            .max_by_key(|(_, e)| (self.per_address.get(&e.address).copied().unwrap_or(0), std::cmp::Reverse(e.since)))
            .map(|(id, _)| *id)
    }
}

impl Slots {
    pub(super) fn new(cap: usize, per_address: usize, counters: Arc<Counters>) -> Arc<Slots> {
        let open = Mutex::new(Open::default());
        Arc::new(Slots { cap, per_address: per_address.max(1), next: AtomicU64::new(0), open, counters })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A place for a new connection from `address`: past the address's share it takes the
    /// place of that address's idlest connection; at the cap, of the idlest connection of
    /// the address holding the most. `None` when every candidate is answering.
    pub(super) fn admit(self: &Arc<Self>, address: IpAddr) -> Option<Slot> {
        let mut open = self.lock();
        let mine = open.per_address.get(&address).copied().unwrap_or(0);
        let victim = if mine >= self.per_address {
            Some(open.victim(|e| e.address == address)?)
        } else if open.entries.len() >= self.cap {
            Some(open.victim(|_| true)?)
        } else {
            None
        };
        if let Some(entry) = victim.and_then(|id| open.remove(id)) {
            self.counters.evicted.fetch_add(1, Ordering::Relaxed);
            entry.evict.notify_one();
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let evict = Arc::new(Notify::new());
        open.entries.insert(id, Entry { address, answering: 0, since: Instant::now(), evict: evict.clone() });
        *open.per_address.entry(address).or_default() += 1;
        Some(Slot { id, slots: self.clone(), evict })
    }

    fn answering(&self, id: u64, delta: isize) {
        if let Some(e) = self.lock().entries.get_mut(&id) {
            e.answering = e.answering.saturating_add_signed(delta);
            e.since = Instant::now();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.slots.lock().remove(self.id);
    }
}

/// One request on a connection: it counts as answering from the moment its body is whole
/// (or no longer read) until its response is ready.
pub(super) struct Request {
    slot: Arc<Slot>,
    /// [`RECEIVING`], [`ANSWERING`] or [`ANSWERED`].
    phase: AtomicU8,
}

const RECEIVING: u8 = 0;
const ANSWERING: u8 = 1;
const ANSWERED: u8 = 2;

impl Request {
    pub(super) fn new(slot: Arc<Slot>) -> Arc<Request> {
        Arc::new(Request { slot, phase: AtomicU8::new(RECEIVING) })
    }

    /// The body is whole (or dropped): the request is being answered.
    pub(super) fn body_done(&self) {
        if self.phase.compare_exchange(RECEIVING, ANSWERING, Ordering::AcqRel, Ordering::Acquire).is_ok() {
            self.slot.slots.answering(self.slot.id, 1);
        }
    }

    /// The response is ready.
    pub(super) fn answered(&self) {
        if self.phase.swap(ANSWERED, Ordering::AcqRel) == ANSWERING {
            self.slot.slots.answering(self.slot.id, -1);
        }
    }

    pub(super) fn counters(&self) -> &Counters {
        &self.slot.slots.counters
    }
}
