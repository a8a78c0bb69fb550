//! The day's download of today's selection, and the pulls after it: a full copy when the
//! day changed or the last one did not finish (resumed table by table from checkpoints), a
//! diff of every table otherwise.

use futures::StreamExt;
use leptos::prelude::*;
use mascate_domain::offline::resume::{table_start, TableStart};
use mascate_domain::offline::{checkpoint_key, pull_path, Readiness, PAGE_SIZE, TABLES};

use super::{keys, primed_key, OfflineData, Progress, PAGES_IN_FLIGHT};
use crate::api::ApiError;

impl OfflineData {
    pub(super) async fn download(self) -> Result<(), ApiError> {
        let db = self.db().await.ok_or(ApiError::SignedOut)?;
        let filters = self.api.seller_filters().await?;
        if let Some(date) = filters.po_sync_date.as_deref() {
            crate::erp_clock::learn(date);
        }
        // The ERP's day, from its own clock: a selection counts only on the day it was saved.
        let server_today = filters.po_sync_date.as_deref().map(|d| d.chars().take(10).collect::<String>());
        let stored_day = db.meta(keys::DAY).await?;
        let Some(today) = server_today.filter(|t| mascate_domain::offline::chosen_today(&filters.items, t)) else {
            // Nothing selected today: yesterday's copy is not today's.
            return Ok(());
        };
        let complete = db.meta(keys::COMPLETE).await?.as_deref() == Some("1");
        let same_day = stored_day.as_deref() == Some(today.as_str());
        if !same_day {
            let mut forget: Vec<String> = TABLES.iter().map(checkpoint_key).collect();
            forget.extend(TABLES.iter().map(|t| primed_key(t.store)));
            forget.push(keys::COMPLETE.into());
            db.clear(&[], &forget).await?;
            db.set_meta(keys::DAY, &today).await?;
            self.readiness.set(Readiness::Incomplete);
            self.day.set(Some(today.clone()));
        }
        let full = !same_day || !complete;
        let mut progress = Progress { tables: TABLES.len(), ..Default::default() };
        // Pages re-read the device (and the search indexes are rebuilt) only when it changed.
        let mut changed = !same_day;
        for table in TABLES.iter() {
            let primed = db.meta(&primed_key(table.store)).await?;
            let checkpoint = db.meta(&checkpoint_key(table)).await?;
            let from = match table_start(full, primed.as_deref(), checkpoint, &today) {
                TableStart::Finished => {
                    progress.tables_done += 1;
                    continue;
                }
                TableStart::Scratch => None,
                TableStart::Since(checkpoint) => Some(checkpoint),
            };
            self.progress.set(Some(progress.clone()));
            let path = pull_path(table, from.as_deref());
            let clear = from.is_none();
            let (primed_k, check_k) = (primed_key(table.store), checkpoint_key(table));
            // The first page's stamp: rows changed while later pages are read come again.
            let mut stamp: Option<String> = None;
            let first = match self.api.raw_page(&path, 1, PAGE_SIZE).await {
                // An ERP without this Mascate extension: the table stays empty.
                Err(ApiError::Server { status: 404, .. }) if table.optional => {
                    crate::api::seller_filters::RawPage::empty()
                }
                other => other?,
            };
            // The pages after the first, asked for in order with two in flight: the ERP
            // prepares one while the other travels and the device writes a third. A page
            // asked for past the end comes back empty and is never read (dropping the stream
            // drops its request).
            let api = self.api;
            let path_ref = path.as_str();
            let mut later = futures::stream::iter(2..)
                .map(move |page| async move { api.raw_page(path_ref, page, PAGE_SIZE).await })
                .buffered(PAGES_IN_FLIGHT);
            let mut next = first;
            for page in 1.. {
                let raw = next;
                let stamp = stamp.get_or_insert_with(|| raw.po_sync_date.clone().unwrap_or_default());
                let meta: Vec<(&str, &str)> = if raw.has_next {
                    vec![]
                } else {
                    vec![(check_k.as_str(), stamp.as_str()), (primed_k.as_str(), today.as_str())]
                };
                // The page is handed to the database, and the next ones are fetched while it
                // commits. Each page commits before the next is written, so the one that
                // carries the checkpoint only goes after every row it vouches for.
                let write = db.begin_page(table.store, table.key, &raw.items, clear && page == 1, &meta).await?;
                let (fetched, committed) = if raw.has_next {
                    futures::future::join(later.next(), write.committed()).await
                } else {
                    (None, write.committed().await)
                };
                let (written, removed) = committed?;
                progress.records += written;
                changed |= clear || written + removed > 0;
                self.progress.set(Some(progress.clone()));
                match fetched {
                    Some(f) => next = f?,
                    None => break,
                }
            }
            progress.tables_done += 1;
        }
        db.set_meta(keys::COMPLETE, "1").await?;
        if changed || !complete {
            self.changes.update(|n| *n += 1);
        }
        Ok(())
    }
}
