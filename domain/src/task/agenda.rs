//! Tasks and the day's agenda read from the device's copy, by the ERP's own rules: the
//! list's filter, due-date order and pages; the agenda's open tasks due that day first, then
//! the visits by time (`ORDER BY time, kind, id`, as the server's agenda).

use crate::contract::agenda::{agenda_kind, task_status, AgendaEntry, Task, Visit};
use crate::customer_query::page_of;

/// One page of `tasks` answering the list's filter (see [`super::list_filter`]), due date
/// then id order, as the ERP's `GET tasks`; and whether more follow.
pub fn list_page(
    mut tasks: Vec<Task>,
    from: &str,
    to: &str,
    status: &str,
    page: usize,
    size: usize,
) -> (Vec<Task>, bool) {
    if let Some(filter) = super::list_filter(from, to, status) {
        tasks.retain(|t| serde_json::to_value(t).is_ok_and(|v| filter.matches(&v)));
    }
    tasks.sort_by(|a, b| (a.due_date.as_str(), a.id.as_str()).cmp(&(b.due_date.as_str(), b.id.as_str())));
    page_of(tasks, page, size)
}

/// The agenda of `day` (`YYYY-MM-DD`) from the device's tasks and visits.
pub fn agenda_of(tasks: &[Task], visits: &[Visit], day: &str) -> Vec<AgendaEntry> {
    let open_today =
        tasks.iter().filter(|t| t.due_date == day && t.status == task_status::OPEN && t.deleted != Some(true));
    let mut items: Vec<AgendaEntry> = open_today
        .map(|t| AgendaEntry {
            kind: agenda_kind::TASK.into(),
            id: t.id.clone(),
            time: String::new(),
            customer_code: t.customer_code.clone(),
            customer_store: t.customer_store.clone(),
            customer_trade_name: t.customer_trade_name.clone(),
            customer_name: t.customer_name.clone(),
            subject: t.subject.clone(),
            status: t.status.clone(),
        })
        .collect();
    items.extend(visits.iter().filter(|v| v.date == day && v.deleted != Some(true)).map(|v| AgendaEntry {
        kind: agenda_kind::VISIT.into(),
        id: v.id.clone(),
        time: v.time.clone(),
        customer_code: v.customer_code.clone(),
        customer_store: v.customer_store.clone(),
        customer_trade_name: v.customer_trade_name.clone(),
        customer_name: v.customer_name.clone(),
        subject: v.subject.clone(),
        status: String::new(),
    }));
    items.sort_by(|a, b| {
        (a.time.as_str(), a.kind.as_str(), a.id.as_str()).cmp(&(b.time.as_str(), b.kind.as_str(), b.id.as_str()))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str, due: &str, status: &str) -> Task {
        Task { id: id.into(), due_date: due.into(), status: status.into(), ..Default::default() }
    }

    #[test]
    fn the_list_is_filtered_ordered_and_paged_as_the_erps() {
        let tasks = vec![
            task("c", "2026-12-09", "open"),
            task("a", "2026-12-01", "done"),
            task("b", "2026-12-09", "open"),
            task("d", "2026-11-30", "open"),
        ];
        let (page, more) = list_page(tasks.clone(), "2026-12-01", "", "open", 1, 1);
        assert_eq!((page.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), more), (vec!["b"], true));
        let (page, more) = list_page(tasks.clone(), "2026-12-01", "", "open", 2, 1);
        assert_eq!((page[0].id.as_str(), more), ("c", false));
        let (all, _) = list_page(tasks, "", "", "", 1, 10);
        assert_eq!(all.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["d", "a", "b", "c"]);
    }

    #[test]
    fn the_agenda_has_the_days_open_tasks_first_then_visits_by_time() {
        let tasks =
            vec![task("t2", "2026-12-08", "open"), task("t1", "2026-12-08", "done"), task("t3", "2026-12-09", "open")];
        let visit = |id: &str, date: &str, time: &str| Visit {
            id: id.into(),
            date: date.into(),
            time: time.into(),
            ..Default::default()
        };
        let visits = vec![
            visit("v2", "2026-12-08", "14:00"),
            visit("v1", "2026-12-08", "09:30"),
            visit("v3", "2026-12-07", "08:00"),
        ];
        let day = agenda_of(&tasks, &visits, "2026-12-08");
        let ids: Vec<(&str, &str)> = day.iter().map(|e| (e.kind.as_str(), e.id.as_str())).collect();
        assert_eq!(ids, [("task", "t2"), ("visit", "v1"), ("visit", "v2")]);
    }
}
