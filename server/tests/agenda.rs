//! The seller's day (a Mascate extension): the agenda of open tasks and visits, the visits'
//! list and sync pair; each seller's own only.

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{column, items, TestServer};

fn entries(agenda: &Value) -> &Vec<Value> {
    agenda["items"].as_array().unwrap_or_else(|| panic!("no items in {agenda}"))
}

#[tokio::test]
async fn today_brings_open_tasks_first_then_visits_by_time() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let today = s.state.clock.today();
    let (status, agenda) = s.get(&ana, "/api/mascate/v1/agenda").await;
    assert_eq!(status, 200, "{agenda}");
    assert_eq!(agenda["date"], today.as_str());
    assert_eq!(agenda["hasNext"], false);
    let all = entries(&agenda);
    let kinds: Vec<&str> = all.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"task") && kinds.iter().filter(|k| **k == "visit").count() >= 2, "{kinds:?}");
    let first_visit = kinds.iter().position(|k| *k == "visit").unwrap();
    assert!(kinds[..first_visit].iter().all(|k| *k == "task"), "tasks (no time) come first");
    let times: Vec<&str> = all[first_visit..].iter().map(|e| e["time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    for e in all {
        assert!(e["customername"].as_str().is_some_and(|n| !n.is_empty()), "{e}");
        assert!(e["customerid"].is_string() && e["customerstore"].is_string());
        if e["kind"] == "task" {
            assert_eq!(e["status"], "open");
        }
    }
    // The same day asked by date; the tasks listed due today and open are exactly the agenda's.
    let (_, same) = s.get(&ana, &format!("/api/mascate/v1/agenda?date={today}")).await;
    assert_eq!(same, agenda);
    let filter = format!("duedate eq '{today}' and status eq 'open'");
    let res = s.http.get(s.url("/api/mascate/v1/tasks")).bearer_auth(&ana).query(&[("FILTER", &filter)]);
    let due: Value = res.send().await.unwrap().json().await.unwrap();
    let mut task_ids: Vec<String> =
        all.iter().filter(|e| e["kind"] == "task").map(|e| e["id"].as_str().unwrap().to_string()).collect();
    let mut listed = column(&due, "taskid");
    task_ids.sort();
    listed.sort();
    assert_eq!(task_ids, listed);
}

#[tokio::test]
async fn a_task_written_for_a_day_shows_there_until_done_and_only_for_its_seller() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let day = "2031-03-04";
    let mut task = json!({"customerid": "000002", "customerstore": "01", "subject": "Levar a tabela nova",
                          "duedate": day, "status": "open"});
    let path = "/api/mascate/v1/tasks/agenda-task-0001";
    assert_eq!(s.send(Method::PUT, &ana, path, &task).await.0, 201);
    let (_, agenda) = s.get(&ana, &format!("/api/mascate/v1/agenda?date={day}")).await;
    assert_eq!(entries(&agenda).len(), 1);
    let entry = &entries(&agenda)[0];
    assert_eq!(
        (&entry["kind"], &entry["id"], &entry["time"]),
        (&json!("task"), &json!("agenda-task-0001"), &json!(""))
    );
    assert_eq!(entry["customer"], "Padaria São João");

    let (_, theirs) = s.get(&bruno, &format!("/api/mascate/v1/agenda?date={day}")).await;
    assert!(entries(&theirs).is_empty(), "another seller's task is not in their day");
    task["status"] = json!("done");
    s.send(Method::PUT, &ana, path, &task).await;
    let (_, agenda) = s.get(&ana, &format!("/api/mascate/v1/agenda?date={day}")).await;
    assert!(entries(&agenda).is_empty(), "a done task leaves the day");
}

#[tokio::test]
async fn a_day_that_is_not_a_date_is_a_400() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    for bad in ["2026-02-30", "hoje", "2026-1-1", "20260101x"] {
        let (status, answer) = s.get(&ana, &format!("/api/mascate/v1/agenda?date={bad}")).await;
        assert_eq!(status, 400, "{bad}: {answer}");
        assert!(answer["message"].as_str().unwrap().contains("date"), "{answer}");
    }
    let admin = s.token("admin").await;
    assert_eq!(s.get(&admin, "/api/mascate/v1/agenda").await.0, 403, "no seller, no agenda");
}

#[tokio::test]
async fn visits_list_and_sync_are_the_callers_own() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let today = s.state.clock.today();
    let (status, mine) = s.get(&ana, "/api/mascate/v1/visits?pageSize=1000").await;
    assert_eq!(status, 200);
    let ids = column(&mine, "visitid");
    assert!(ids.len() >= 10 && ids.iter().all(|i| i.starts_with("seed-000001-v")), "{ids:?}");
    let dates = column(&mine, "date");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    let res = s
        .http
        .get(s.url("/api/mascate/v1/visits"))
        .bearer_auth(&ana)
        .query(&[("FILTER", format!("date eq '{today}'"))]);
    let todays: Value = res.send().await.unwrap().json().await.unwrap();
    assert!(items(&todays).len() >= 2);
    assert!(items(&todays).iter().all(|v| v["date"] == today.as_str() && v["time"].as_str().unwrap().len() == 5));

    let (_, sync) = s.get(&bruno, "/api/mascate/v1/visits/sync?pageSize=1000").await;
    assert!(column(&sync, "visitid").iter().all(|i| i.starts_with("seed-000002-v")));
    assert!(items(&sync).iter().all(|v| v["deleted"] == false && v["STAMP"].is_string()));
    let mark = sync["po_sync_date"].as_str().unwrap();
    let (_, diff) = s.get(&bruno, &format!("/api/mascate/v1/visits/sync/diff/{mark}")).await;
    assert!(items(&diff).is_empty());
    let (status, _) = s.get(&bruno, "/api/mascate/v1/visits/sync/diff/not-a-date").await;
    assert_eq!(status, 400);
}
