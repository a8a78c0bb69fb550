//! Password hashes (Argon2id) and the small pool that checks them.
//!
//! Checking a password costs about 19 MB and tens of milliseconds on purpose, so it never
//! runs on a database connection or on the request threads: a fixed number of worker
//! threads take checks from a bounded queue; when the queue is full the caller is told to
//! come back later (429) instead of piling up memory. Each worker keeps its Argon2 memory
//! for good and checks into it, so a storm allocates nothing: the allocator is never left
//! holding freed 19 MB blocks in arena after arena. An unknown user is checked against a
//! dummy hash made with the same parameters, so an answer's timing says nothing about
//! whether the user exists.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::oneshot;

/// An Argon2id hash of `password` in PHC form.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 hashing").to_string()
}

/// Whether `password` matches the PHC `hash`, computed in `memory` (grown once to the
/// hash's cost, then reused). The comparison takes the same time wherever they differ.
fn matches(password: &str, hash: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Ok(algorithm), Ok(params)) = (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed)) else {
        return false;
    };
    let version = parsed.version.and_then(|v| Version::try_from(v).ok()).unwrap_or_default();
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else { return false };
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    let blocks = &mut memory[..params.block_count()];
    let argon = Argon2::new(algorithm, version, params);
    if argon.hash_password_into_with_memory(password.as_bytes(), salt, &mut out, blocks).is_err() {
        return false;
    }
    out.iter().zip(expected.as_bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Every checker is busy and the queue is full: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

struct Job {
    password: String,
    hash: Option<String>,
    reply: oneshot::Sender<bool>,
}

/// The password checkers: `workers` threads behind a queue of `queue` checks.
pub struct Checker {
    jobs: Mutex<SyncSender<Job>>,
    checked: Arc<AtomicU64>,
}

impl Checker {
    pub fn new(workers: usize, queue: usize) -> Checker {
        let (jobs, incoming) = sync_channel::<Job>(queue);
        let incoming = Arc::new(Mutex::new(incoming));
        let dummy = Arc::new(hash_password("a password nobody has"));
        let checked = Arc::new(AtomicU64::new(0));
        for n in 0..workers.max(1) {
            let (incoming, dummy, checked) = (incoming.clone(), dummy.clone(), checked.clone());
            std::thread::Builder::new()
                .name(format!("password-check-{n}"))
                .spawn(move || {
                    let mut memory = Vec::new();
                    loop {
                        let job = match incoming.lock().unwrap_or_else(|p| p.into_inner()).recv() {
                            Ok(job) => job,
                            Err(_) => return, // the server is gone
                        };
                        let hash = job.hash.as_deref().unwrap_or(&dummy);
                        let ok = matches(&job.password, hash, &mut memory) && job.hash.is_some();
                        checked.fetch_add(1, Ordering::Relaxed);
                        let _ = job.reply.send(ok);
                    }
                })
                .expect("password checker thread");
        }
        Checker { jobs: Mutex::new(jobs), checked }
    }

    /// Whether `password` matches `hash`; `None` (unknown user) does the same work and is false.
    pub async fn check(&self, password: String, hash: Option<String>) -> Result<bool, Busy> {
        let (reply, answer) = oneshot::channel();
        let sent = self.jobs.lock().unwrap_or_else(|p| p.into_inner()).try_send(Job { password, hash, reply });
        match sent {
            Ok(()) => answer.await.map_err(|_| Busy),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(Busy),
        }
    }

    /// How many checks ran (known and unknown users alike).
    pub fn checked(&self) -> u64 {
        self.checked.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_into_reused_memory_as_argon2_itself_does() {
        let hash = hash_password("s3cret-enough");
        let mut memory = Vec::new();
        assert!(matches("s3cret-enough", &hash, &mut memory));
        assert!(!matches("s3cret-enougH", &hash, &mut memory));
        assert!(!matches("s3cret-enough", "not a hash", &mut memory));
        let other = hash_password("another");
        assert!(matches("another", &other, &mut memory), "the same memory serves every check");
    }
}
