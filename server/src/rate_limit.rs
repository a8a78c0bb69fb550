//! Token buckets per client address (see [`crate::serve::address_key`]) and for everyone at
//! once, for the anonymous endpoints: each address may spend `burst` at once and earns one
//! back every `every`; the table is bounded, so a storm of addresses cannot grow memory.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The most addresses remembered.
const MAX_ADDRESSES: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// A budget per address and one shared by all.
pub struct RateLimit {
    burst: f64,
    every: Duration,
    shared_burst: f64,
    shared_every: Duration,
    buckets: Mutex<(HashMap<IpAddr, Bucket>, Option<Bucket>)>,
}

impl RateLimit {
    /// `burst` at once and one more every `every`, per address; `shared_burst` and one more
    /// every `shared_every` for all addresses together.
    pub fn new(burst: u32, every: Duration, shared_burst: u32, shared_every: Duration) -> RateLimit {
        RateLimit {
            burst: burst as f64,
            every,
            shared_burst: shared_burst as f64,
            shared_every,
            buckets: Mutex::default(),
        }
    }

    /// Spends one from `address`'s budget and the shared one: `Ok`, or `Err(seconds)` to wait.
    pub fn spend(&self, address: IpAddr, now: Instant) -> Result<(), u64> {
        let mut guard = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let (map, shared) = &mut *guard;
        if map.len() >= MAX_ADDRESSES && !map.contains_key(&address) {
            let full = self.every.mul_f64(self.burst);
            map.retain(|_, b| now.duration_since(b.at) < full);
            if map.len() >= MAX_ADDRESSES {
                map.clear();
            }
        }
        let mine = refill(map.get(&address).copied(), self.burst, self.every, now);
        let all = refill(*shared, self.shared_burst, self.shared_every, now);
        let wait = |b: &Bucket, every: Duration| ((1.0 - b.tokens) * every.as_secs_f64()).ceil().max(1.0) as u64;
        if mine.tokens < 1.0 {
            map.insert(address, mine);
            return Err(wait(&mine, self.every));
        }
        if all.tokens < 1.0 {
            *shared = Some(all);
            return Err(wait(&all, self.shared_every));
        }
        map.insert(address, Bucket { tokens: mine.tokens - 1.0, at: now });
        *shared = Some(Bucket { tokens: all.tokens - 1.0, at: now });
        Ok(())
    }
}

fn refill(bucket: Option<Bucket>, burst: f64, every: Duration, now: Instant) -> Bucket {
    match bucket {
        None => Bucket { tokens: burst, at: now },
        Some(b) => {
            let earned = now.duration_since(b.at).as_secs_f64() / every.as_secs_f64();
            Bucket { tokens: (b.tokens + earned).min(burst), at: now }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_spends_its_burst_then_earns_one_back_at_a_time() {
        let limit = RateLimit::new(3, Duration::from_secs(10), 100, Duration::from_secs(1));
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        assert!((0..3).all(|_| limit.spend(a, t0).is_ok()));
        assert_eq!(limit.spend(a, t0), Err(10));
        assert!(limit.spend(b, t0).is_ok(), "another address has its own budget");
        assert!(limit.spend(a, t0 + Duration::from_secs(10)).is_ok());
        assert!(limit.spend(a, t0 + Duration::from_secs(10)).is_err());
        let shared = RateLimit::new(100, Duration::from_secs(1), 2, Duration::from_secs(60));
        assert!(shared.spend(a, t0).is_ok() && shared.spend(b, t0).is_ok());
        assert_eq!(shared.spend("10.0.0.3".parse().unwrap(), t0), Err(60), "the shared budget is spent");
    }
}
