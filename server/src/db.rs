//! SQLite storage: schema migrations, the stamp clock, one writer and a small pool of
//! readers.
//!
//! The file is in WAL mode: every write goes through one connection, each call in its own
//! transaction; reads go through a pool of read-only connections and never wait for a write
//! (or a login) to finish. The stamp rule stays exact: a write takes a stamp strictly
//! greater than any stamp or `po_sync_date` handed out before, and a read's `po_sync_date`
//! is fixed *before* its snapshot is taken, no later than the floor of a write in flight
//! (every stamp of that write is above it), so `stamp > dateSync` never misses a row (see
//! `mascate_domain::timestamp`; a row may come twice, which a diff's upsert absorbs).
//!
//! Durability: a request's write commits with `synchronous=FULL` (the WAL is on disk before
//! the 201 goes out); the queue job's own transactions use `NORMAL`, as a power cut can only
//! roll such a transaction back whole, and the queue then runs it again.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, ToSql};
use tokio::sync::Semaphore;

use crate::clock::Clock;
use crate::error::{ApiError, ApiResult, StartError};

mod migrations;
use migrations::MIGRATIONS;

/// Read connections in the pool.
const READERS: usize = 4;

/// The stamp clock's state, shared by the writer and the readers.
#[derive(Debug, Default)]
struct Marks {
    /// The newest stamp or sync mark handed out.
    high_water: i64,
    /// While a write is in flight: the high water when it began (its stamps are above it).
    writing_since: Option<i64>,
}

/// How hard a write's commit reaches for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// On disk before the call returns (`synchronous=FULL`): every request's write.
    Full,
    /// In the WAL, synced at the next full commit or checkpoint (`NORMAL`): the queue job.
    Normal,
}

/// The database handle every request shares.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Mutex<Vec<Connection>>>,
    free_readers: Arc<Semaphore>,
    marks: Arc<Mutex<Marks>>,
    clock: Clock,
}

/// One call's view of the database: inside a transaction, with the stamp clock.
pub struct Tx<'a> {
    pub conn: &'a Connection,
    marks: &'a Mutex<Marks>,
    /// A read's `po_sync_date`, fixed before its snapshot.
    read_mark: Option<i64>,
    pub clock: &'a Clock,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Tx<'_> {
    /// A fresh stamp for a row being written: strictly after every earlier stamp and mark.
    pub fn stamp(&self) -> i64 {
        let mut marks = lock(self.marks);
        let s = self.clock.now_micros().max(marks.high_water + 1);
        marks.high_water = s;
        s
    }

    /// The `po_sync_date` of a read: every row stamped at or before it is in this read, and
    /// every later write gets a greater stamp.
    pub fn sync_mark(&self) -> i64 {
        match self.read_mark {
            Some(m) => m,
            None => {
                let mut marks = lock(self.marks);
                let m = self.clock.now_micros().max(marks.high_water);
                marks.high_water = m;
                m
            }
        }
    }

    /// `sync_mark` as the contract's ISO string.
    pub fn sync_date(&self) -> String {
        mascate_domain::timestamp::format_iso(self.sync_mark())
    }

    pub fn today(&self) -> String {
        self.clock.today()
    }

    /// Runs `sql` (cached), binding each named value the statement uses and ignoring the
    /// rest, so one set of values can serve several statements.
    pub fn execute_named(&self, sql: &str, values: &[(&str, &dyn ToSql)]) -> rusqlite::Result<usize> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        bind_named(&mut stmt, values)?;
        stmt.raw_execute()
    }

    /// Whether `sql` (cached) returns a row, binding as [`Tx::execute_named`].
    pub fn exists_named(&self, sql: &str, values: &[(&str, &dyn ToSql)]) -> rusqlite::Result<bool> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        bind_named(&mut stmt, values)?;
        let mut rows = stmt.raw_query();
        Ok(rows.next()?.is_some())
    }

    /// The next number of a document sequence (`order`, `quotation`, `invoice`,
    /// `notification`), zero-padded to `width`.
    pub fn next_number(&self, name: &str, width: usize) -> rusqlite::Result<String> {
        let n: i64 = self.conn.query_row(
            "INSERT INTO sequences(name, value) VALUES (:name, 1)
             ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value",
            rusqlite::named_params! {":name": name},
            |r| r.get(0),
        )?;
        Ok(format!("{n:0width$}"))
    }
}

fn bind_named(stmt: &mut rusqlite::Statement, values: &[(&str, &dyn ToSql)]) -> rusqlite::Result<()> {
    stmt.clear_bindings();
    for (name, value) in values {
        if let Some(i) = stmt.parameter_index(name)? {
            stmt.raw_bind_parameter(i, value)?;
        }
    }
    Ok(())
}

fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    // fold(text): case- and accent-insensitive search, identical to the app's offline search.
    conn.create_scalar_function("fold", 1, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let s: Option<String> = ctx.get(0)?;
        Ok(s.map(|s| mascate_domain::text::fold(&s)))
    })?;
    // default_quotation_customer(): the default quotation customer's code || store, so SQL
    // written once in the code never spells it.
    conn.create_scalar_function(
        "default_quotation_customer",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |_| {
            let (code, store) = mascate_domain::document::DEFAULT_QUOTATION_CUSTOMER;
            Ok(format!("{code}{store}"))
        },
    )
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    register_functions(conn)
}

impl Db {
    /// Opens the file, creating the folder and applying pending migrations.
    pub fn open(path: &Path, clock: &Clock) -> Result<Db, StartError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        configure(&conn)?;
        migrate(&mut conn)?;
        let newest: i64 = conn
            .query_row("SELECT value FROM meta WHERE key = 'high_water'", [], |r| r.get::<_, String>(0))
            .optional()?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
            let reader = Connection::open_with_flags(path, flags)?;
            configure(&reader)?;
            reader.pragma_update(None, "query_only", "ON")?;
            readers.push(reader);
        }
        Ok(Db {
            writer: Arc::new(Mutex::new(conn)),
            readers: Arc::new(Mutex::new(readers)),
            free_readers: Arc::new(Semaphore::new(READERS)),
            marks: Arc::new(Mutex::new(Marks { high_water: newest, writing_since: None })),
            clock: clock.clone(),
        })
    }

    /// Runs `f` in a write transaction on a blocking thread; commits (durably) on `Ok`,
    /// rolls back on `Err`.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> ApiResult<T> + Send + 'static,
    {
        self.write_with(Durability::Full, f).await
    }

    /// As [`Db::write`], with the commit's durability chosen.
    pub async fn write_with<T, F>(&self, durability: Durability, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> ApiResult<T> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.write_blocking_with(durability, f)).await.map_err(ApiError::internal)?
    }

    /// Runs a read-only `f` on a pooled reader, in one snapshot; never waits for a write.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> ApiResult<T> + Send + 'static,
    {
        let permit = self.free_readers.clone().acquire_owned().await.map_err(ApiError::internal)?;
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = lock(&db.readers).pop().expect("a reader for every permit");
            let out = db.read_on(&mut conn, f);
            lock(&db.readers).push(conn);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    fn read_on<T>(&self, conn: &mut Connection, f: impl FnOnce(&Tx) -> ApiResult<T>) -> ApiResult<T> {
        // The mark first, the snapshot after (see the module docs).
        let mark = {
            let mut marks = lock(&self.marks);
            match marks.writing_since {
                Some(floor) => floor,
                None => {
                    let m = self.clock.now_micros().max(marks.high_water);
                    marks.high_water = m;
                    m
                }
            }
        };
        let txn = conn.transaction()?;
        let tx = Tx { conn: &txn, marks: &self.marks, read_mark: Some(mark), clock: &self.clock };
        let out = f(&tx)?;
        txn.finish()?;
        Ok(out)
    }

    /// The synchronous form of [`Db::write`], for start-up, tools and benchmarks.
    pub fn write_blocking<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&Tx) -> ApiResult<T>,
    {
        self.write_blocking_with(Durability::Full, f)
    }

    fn write_blocking_with<T, F>(&self, durability: Durability, f: F) -> ApiResult<T>
    where
        F: FnOnce(&Tx) -> ApiResult<T>,
    {
        let mut conn = lock(&self.writer);
        let level = if durability == Durability::Full { "FULL" } else { "NORMAL" };
        conn.pragma_update(None, "synchronous", level)?;
        let _writing = Writing::begin(&self.marks);
        let before = lock(&self.marks).high_water;
        let txn = conn.transaction()?;
        let tx = Tx { conn: &txn, marks: &self.marks, read_mark: None, clock: &self.clock };
        let out = f(&tx)?;
        let after = lock(&self.marks).high_water;
        if after != before {
            // Persist the high-water mark so a restart with a slower clock stays monotonic.
            txn.execute(
                "INSERT INTO meta(key, value) VALUES ('high_water', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![after.to_string()],
            )?;
        }
        txn.commit()?;
        Ok(out)
    }
}

/// Marks a write in flight from its start to after its commit or rollback.
struct Writing<'a>(&'a Mutex<Marks>);

impl<'a> Writing<'a> {
    fn begin(marks: &'a Mutex<Marks>) -> Writing<'a> {
        let mut m = lock(marks);
        m.writing_since = Some(m.high_water);
        Writing(marks)
    }
}

impl Drop for Writing<'_> {
    fn drop(&mut self) {
        lock(self.0).writing_since = None;
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize = conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
