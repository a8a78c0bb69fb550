//! SQLite storage: schema migrations, the stamp clock, and the one connection every request
//! goes through.
//!
//! All access is serialised through one connection, each call in its own transaction. That
//! makes the stamp rule simple and exact: a write takes a stamp strictly greater than any
//! stamp or `po_sync_date` handed out before, so `stamp > dateSync` never misses a row and
//! never repeats one (see `mascate_domain::timestamp`).

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, OptionalExtension, ToSql};

use crate::anyhow_lite;
use crate::clock::Clock;
use crate::error::{ApiError, ApiResult};

mod migrations;
use migrations::MIGRATIONS;

/// The database handle every request shares.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    /// The newest stamp or sync mark handed out; see the module docs.
    high_water: Arc<AtomicI64>,
    clock: Clock,
}

/// One call's view of the database: inside a transaction, with the stamp clock.
pub struct Tx<'a> {
    pub conn: &'a Connection,
    high_water: &'a AtomicI64,
    pub clock: &'a Clock,
}

impl Tx<'_> {
    /// A fresh stamp for a row being written: strictly after every earlier stamp and mark.
    pub fn stamp(&self) -> i64 {
        let now = self.clock.now_micros();
        let prev = self.high_water.load(Ordering::SeqCst);
        let s = now.max(prev + 1);
        self.high_water.store(s, Ordering::SeqCst);
        s
    }

    /// The `po_sync_date` of a read: every later write gets a greater stamp.
    pub fn sync_mark(&self) -> i64 {
        let now = self.clock.now_micros();
        let prev = self.high_water.load(Ordering::SeqCst);
        let m = now.max(prev);
        self.high_water.store(m, Ordering::SeqCst);
        m
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
    })
}

impl Db {
    /// Opens the file, creating the folder and applying pending migrations.
    pub fn open(path: &Path, clock: &Clock) -> anyhow_lite::Result<Db> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        register_functions(&conn)?;
        migrate(&mut conn)?;
        let newest: i64 = conn
            .query_row("SELECT value FROM meta WHERE key = 'high_water'", [], |r| r.get::<_, String>(0))
            .optional()?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        Ok(Db { conn: Arc::new(Mutex::new(conn)), high_water: Arc::new(AtomicI64::new(newest)), clock: clock.clone() })
    }

    /// Runs `f` in a transaction on a blocking thread; commits on `Ok`, rolls back on `Err`.
    pub async fn run<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> ApiResult<T> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.run_blocking(f)).await.map_err(ApiError::internal)?
    }

    /// Runs a read-only `f` (see [`Db::run`]).
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> ApiResult<T> + Send + 'static,
    {
        self.run(f).await
    }

    /// The synchronous form of [`Db::run`], for start-up, tools and benchmarks.
    pub fn run_blocking<T, F>(&self, f: F) -> ApiResult<T>
    where
        F: FnOnce(&Tx) -> ApiResult<T>,
    {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let before = self.high_water.load(Ordering::SeqCst);
        let txn = conn.transaction()?;
        let tx = Tx { conn: &txn, high_water: &self.high_water, clock: &self.clock };
        let out = f(&tx)?;
        let after = self.high_water.load(Ordering::SeqCst);
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
