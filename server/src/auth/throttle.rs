//! Login throttling for sign-ins that come from no device trusted for the name (a device the
//! user signed in from before skips it all, [`super::devices`]):
//!
//! - a user name's first `lockout_failures` failures cost nothing; from then on each failure
//!   makes the name's next attempt wait a delay that doubles, 1 s, 2 s, 4 s… up to
//!   `lockout_secs` (`429` with `Retry-After`, the right password included, so the answers
//!   are no oracle). A delay, not a hard lock: the rep who mistyped waits seconds, a storm
//!   gets one guess per `lockout_secs`. A success from outside a trusted device resets the
//!   count; four times `lockout_secs` without a failure forgets it. Unknown names are
//!   counted the same way, so the answers say nothing about which names exist;
//! - a client address (an IPv6 one by its /64) that fails `address_failures` times within
//!   `address_window` is refused for the rest of the window, whatever names it tries.
//!
//! Both tables are bounded: past their size the stale entries go, then the oldest, so no
//! storm of names or addresses can grow the server's memory. Time is the server's clock,
//! so tests can move it.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

use crate::clock::Clock;

/// The most names and addresses remembered.
const MAX_ENTRIES: usize = 20_000;

/// The policy's numbers.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub lockout_failures: u32,
    pub lockout_secs: i64,
    pub address_failures: u32,
    pub address_window_secs: i64,
}

#[derive(Debug, Clone, Copy)]
struct Count {
    failures: u32,
    /// Start of the address window, or of the name's last failure run (micros).
    since: i64,
    /// Refused until then (micros).
    until: Option<i64>,
}

/// A map that never holds more than [`MAX_ENTRIES`].
struct Bounded<K> {
    map: HashMap<K, Count>,
}

impl<K: Hash + Eq + Clone> Bounded<K> {
    fn get(&self, k: &K) -> Option<Count> {
        self.map.get(k).copied()
    }

    fn put(&mut self, k: K, v: Count, now: i64, stale_after: i64) {
        if self.map.len() >= MAX_ENTRIES && !self.map.contains_key(&k) {
            self.map.retain(|_, c| c.until.is_some_and(|u| u > now) || now - c.since < stale_after);
            if self.map.len() >= MAX_ENTRIES {
                let mut by_age: Vec<(K, i64)> = self.map.iter().map(|(k, c)| (k.clone(), c.since)).collect();
                by_age.sort_by_key(|(_, since)| *since);
                for (k, _) in by_age.into_iter().take(MAX_ENTRIES / 4) {
                    self.map.remove(&k);
                }
            }
        }
        self.map.insert(k, v);
    }

    fn forget(&mut self, k: &K) {
        self.map.remove(k);
    }
}

/// The login guard every password grant goes through.
pub struct Throttle {
    policy: Policy,
    clock: Clock,
    names: Mutex<Bounded<String>>,
    addresses: Mutex<Bounded<IpAddr>>,
}

const MICROS: i64 = 1_000_000;

/// An address as the throttle counts it: IPv4 as it is, IPv6 by its /64 (one subscriber's
/// prefix: whoever holds one has millions of addresses).
fn bucket(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
        v4 => v4,
    }
}

fn key(name: &str) -> String {
    name.trim().to_lowercase().chars().take(100).collect()
}

impl Throttle {
    pub fn new(policy: Policy, clock: Clock) -> Throttle {
        Throttle {
            policy,
            clock,
            names: Mutex::new(Bounded { map: HashMap::new() }),
            addresses: Mutex::new(Bounded { map: HashMap::new() }),
        }
    }

    /// `Err(seconds)` when this name or address must wait before trying again.
    pub fn check(&self, name: &str, address: IpAddr) -> Result<(), i64> {
        let now = self.clock.now_micros();
        let wait = |c: Option<Count>| c.and_then(|c| c.until).filter(|u| *u > now).map(|u| (u - now) / MICROS + 1);
        let by_name = wait(self.names.lock().unwrap_or_else(|p| p.into_inner()).get(&key(name)));
        let by_address = wait(self.addresses.lock().unwrap_or_else(|p| p.into_inner()).get(&bucket(address)));
        match by_name.max(by_address) {
            Some(secs) => Err(secs),
            None => Ok(()),
        }
    }

    /// Counts a failed attempt against the name and the address.
    pub fn failed(&self, name: &str, address: IpAddr) {
        let now = self.clock.now_micros();
        let p = self.policy;
        let lockout = p.lockout_secs * MICROS;
        let mut names = self.names.lock().unwrap_or_else(|p| p.into_inner());
        let k = key(name);
        let forget = 4 * lockout;
        let mut c = match names.get(&k) {
            Some(c) if now - c.since < forget => c,
            _ => Count { failures: 0, since: now, until: None },
        };
        c.failures += 1;
        c.since = now;
        if c.failures >= p.lockout_failures {
            let doublings = (c.failures - p.lockout_failures).min(40);
            c.until = Some(now + (MICROS << doublings).min(lockout));
            if c.failures == p.lockout_failures || c.failures % 100 == 0 {
                tracing::warn!(user = %k, failures = c.failures, "login: a name's attempts now wait");
            }
        }
        names.put(k, c, now, forget);
        drop(names);
        let address = bucket(address);

        let window = p.address_window_secs * MICROS;
        let mut addresses = self.addresses.lock().unwrap_or_else(|p| p.into_inner());
        let mut c = match addresses.get(&address) {
            Some(c) if now - c.since < window => c,
            _ => Count { failures: 0, since: now, until: None },
        };
        c.failures += 1;
        if c.failures >= p.address_failures && c.until.is_none() {
            c.until = Some(c.since + window);
            tracing::warn!(%address, failures = c.failures, "login: address throttled");
        }
        addresses.put(address, c, now, window);
    }

    /// A success clears the name's failures (the address keeps its window).
    pub fn succeeded(&self, name: &str) {
        self.names.lock().unwrap_or_else(|p| p.into_inner()).forget(&key(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle() -> Throttle {
        let policy = Policy { lockout_failures: 3, lockout_secs: 60, address_failures: 10, address_window_secs: 300 };
        Throttle::new(policy, Clock::new(0))
    }

    #[test]
    fn a_names_delays_double_from_the_nth_failure_up_to_the_longest_and_are_forgotten() {
        let t = throttle();
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..3 {
            assert!(t.check("Ana", ip).is_ok());
            t.failed("ana", ip);
        }
        let mut offset = 0;
        for (n, expected) in [1, 2, 4, 8, 16, 32, 60, 60].into_iter().enumerate() {
            let wait = t.check("ANA", ip).unwrap_err();
            assert!((expected..=expected + 1).contains(&wait), "{wait} for {expected}");
            offset += wait;
            t.clock.set_offset_secs(offset);
            // From other addresses, so the address limit stays out of it.
            let ip = IpAddr::from([10, 0, 1, n as u8]);
            assert!(t.check("ana", ip).is_ok(), "one attempt after the delay");
            t.failed("ana", ip);
        }
        t.clock.set_offset_secs(offset + 4 * 60 + 1);
        assert!(t.check("ana", ip).is_ok());
        t.failed("ana", ip);
        assert!(t.check("ana", ip).is_ok(), "forgotten after four times the longest delay");
    }

    #[test]
    fn ipv6_addresses_count_by_their_64() {
        let t = throttle();
        for n in 0..10u16 {
            t.failed(&format!("u{n}"), IpAddr::from([0x2001, 0xdb8, 0, 1, 0, 0, 0, n]));
        }
        assert!(t.check("x", "2001:db8:0:1::ffff".parse().unwrap()).is_err());
        assert!(t.check("x", "2001:db8:0:2::1".parse().unwrap()).is_ok());
    }

    #[test]
    fn an_address_is_throttled_whatever_names_it_tries_and_memory_stays_bounded() {
        let t = throttle();
        let ip: IpAddr = "10.0.0.2".parse().unwrap();
        for n in 0..10 {
            t.failed(&format!("user{n}"), ip);
        }
        assert!(t.check("someone-else", ip).is_err());
        assert!(t.check("someone-else", "10.0.0.3".parse().unwrap()).is_ok());
        for n in 0..(MAX_ENTRIES * 2) {
            t.failed(&format!("spray{n}"), IpAddr::from([10, 1, (n >> 8) as u8, n as u8]));
        }
        assert!(t.names.lock().unwrap().map.len() <= MAX_ENTRIES);
        assert!(t.addresses.lock().unwrap().map.len() <= MAX_ENTRIES);
    }
}
