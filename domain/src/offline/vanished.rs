//! Noticing that the browser erased the device's data since the last visit.
//!
//! Safari erases a site's script-written storage (IndexedDB, `localStorage`, the service
//! worker's cache) after seven days of Safari use without a visit, unless the app was added to
//! the home screen; other browsers evict a whole site under storage pressure unless it is
//! persistent. The app keeps a small mark in `localStorage` of what the device held (the day
//! of its copy, how many documents were unsent) and compares it with the database at start.
//!
//! No mark in the browser can survive the eviction it is meant to witness, since the same
//! eviction takes it too; the mark notices the evictions that take the database but spare
//! `localStorage` (Chromium's storage-pressure eviction, a partly cleared site). After
//! Safari's whole wipe the rep arrives signed out, at the login page, with nothing to
//! compare; what the app can say then is what it always says of a device with no copy.
//!
//! ```
//! use mascate_domain::offline::vanished::{vanished, DeviceMark};
//! let mark = DeviceMark { day: Some("2026-12-03".into()), unsent: 2 };
//! assert_eq!(DeviceMark::decode(&mark.encode()), Some(mark.clone()));
//! // The database holds neither a day nor any document: it was erased.
//! assert_eq!(vanished(Some(&mark), None, 0), Some(mark.clone()));
//! // It still holds its day: nothing vanished.
//! assert_eq!(vanished(Some(&mark), Some("2026-12-03"), 0), None);
//! ```

/// What the device held at the last look: the day of its complete copy and how many of its
/// documents the ERP had not accepted yet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceMark {
    pub day: Option<String>,
    pub unsent: usize,
}

impl DeviceMark {
    /// Whether there is anything whose loss would be worth saying.
    pub fn holds_something(&self) -> bool {
        self.day.is_some() || self.unsent > 0
    }

    /// The mark as kept in `localStorage`: `DAY|UNSENT` (`|UNSENT` with no copy).
    pub fn encode(&self) -> String {
        format!("{}|{}", self.day.as_deref().unwrap_or(""), self.unsent)
    }

    /// A mark as kept; `None` for anything else.
    pub fn decode(text: &str) -> Option<DeviceMark> {
        let (day, unsent) = text.split_once('|')?;
        let unsent = unsent.trim().parse().ok()?;
        let day = day.trim();
        let day = (!day.is_empty()).then(|| day.to_string());
        if day.as_deref().is_some_and(|d| d.len() != 10) {
            return None;
        }
        Some(DeviceMark { day, unsent })
    }
}

/// What vanished, when the mark says the device held something and its database now holds no
/// day and no document at all (the app never empties it so: removing the device's data also
/// forgets the mark).
pub fn vanished(mark: Option<&DeviceMark>, held_day: Option<&str>, outbox_entries: usize) -> Option<DeviceMark> {
    let mark = mark.filter(|m| m.holds_something())?;
    (held_day.is_none() && outbox_entries == 0).then(|| mark.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_with_documents_or_a_day_has_not_vanished() {
        let mark = DeviceMark { day: Some("2026-12-03".into()), unsent: 1 };
        assert_eq!(vanished(Some(&mark), None, 1), None);
        assert_eq!(vanished(Some(&mark), Some("2026-12-04"), 0), None);
    }

    #[test]
    fn no_mark_or_an_empty_one_says_nothing() {
        assert_eq!(vanished(None, None, 0), None);
        assert_eq!(vanished(Some(&DeviceMark::default()), None, 0), None);
    }

    #[test]
    fn unsent_documents_alone_are_noticed() {
        let mark = DeviceMark { day: None, unsent: 3 };
        assert_eq!(vanished(Some(&mark), None, 0), Some(mark));
    }

    #[test]
    fn odd_marks_are_refused() {
        for text in ["", "2026-12-03", "2026-12-03|x", "yesterday|1", "|-1"] {
            assert_eq!(DeviceMark::decode(text), None, "{text}");
        }
        assert_eq!(DeviceMark::decode("|0"), Some(DeviceMark::default()));
    }
}
