//! Password hashes (Argon2id) and the small pool that checks them.
//!
//! Checking a password costs about 19 MB and tens of milliseconds on purpose, so it never
//! runs on a database connection or on the request threads: a fixed number of worker
//! threads take checks from a bounded queue; when the queue is full the caller is told to
//! come back later (429) instead of piling up memory. An unknown user is checked against a
//! dummy hash made with the same parameters, so an answer's timing says nothing about
//! whether the user exists.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use tokio::sync::oneshot;

/// An Argon2id hash of `password` in PHC form.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 hashing").to_string()
}

fn matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()).unwrap_or(false)
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
                .spawn(move || loop {
                    let job = match incoming.lock().unwrap_or_else(|p| p.into_inner()).recv() {
                        Ok(job) => job,
                        Err(_) => return, // the server is gone
                    };
                    let ok = matches(&job.password, job.hash.as_deref().unwrap_or(&dummy)) && job.hash.is_some();
                    checked.fetch_add(1, Ordering::Relaxed);
                    let _ = job.reply.send(ok);
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
