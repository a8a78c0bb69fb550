//! Tasks and notes (a Mascate extension): the list, writes by the device's ids (a body sent
//! twice stays one task), field checks, other sellers' tasks answering as unknown, and the
//! sync pairs that let the device keep them offline.

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{column, items, TestServer};

const ID: &str = "0b9a2c9e-8f4e-4c1e-9a53-3f0f4b1d2c11";

fn body(subject: &str, due: &str) -> Value {
    json!({"customerid": "000002", "customerstore": "01", "subject": subject, "duedate": due, "status": "open",
           "notes": "Levar amostras"})
}

async fn rows_with_id(s: &TestServer, id: &'static str) -> i64 {
    let count = s.state.db.write(move |tx| {
        Ok(tx.conn.query_row("SELECT count(*) FROM tasks WHERE taskid = ?1", [id], |r| r.get::<_, i64>(0))?)
    });
    count.await.unwrap()
}

#[tokio::test]
async fn the_list_is_the_callers_own_in_due_date_order_with_filters() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let today = s.state.clock.today();
    let (status, all) = s.get(&ana, "/api/mascate/v1/tasks?pageSize=1000").await;
    assert_eq!(status, 200);
    let ids = column(&all, "taskid");
    assert!(ids.len() > 30 && ids.iter().all(|i| i.starts_with("seed-000001-")), "{ids:?}");
    let dues = column(&all, "duedate");
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "soonest first");
    assert!(dues.first().unwrap() < &today && dues.last().unwrap() > &today, "past and next weeks");
    assert!(dues.contains(&today), "some due today");

    let filter = format!("status eq 'open' and duedate ge '{today}' and customerid ne ''");
    let res = s.http.get(s.url("/api/mascate/v1/tasks")).bearer_auth(&ana).query(&[("FILTER", &filter)]);
    let open: Value = res.send().await.unwrap().json().await.unwrap();
    assert!(!items(&open).is_empty());
    assert!(items(&open).iter().all(|t| t["status"] == "open" && t["duedate"].as_str().unwrap() >= today.as_str()));
    let (_, newest) = s.get(&ana, "/api/mascate/v1/tasks?SORT=-duedate&pageSize=1").await;
    assert_eq!(items(&newest)[0]["duedate"], *dues.last().unwrap());

    let (_, theirs) = s.get(&bruno, "/api/mascate/v1/tasks?pageSize=1000").await;
    assert!(column(&theirs, "taskid").iter().all(|i| i.starts_with("seed-000002-")));
    let (status, bad) = s.get(&ana, "/api/mascate/v1/tasks?FILTER=sellerid%20eq%20'000002'").await;
    assert_eq!(status, 400, "sellerid is not a property: {bad}");
    assert!(bad["message"].as_str().unwrap().contains("sellerid"));
}

#[tokio::test]
async fn a_put_creates_and_the_same_put_again_leaves_one_task() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let path = format!("/api/mascate/v1/tasks/{ID}");
    let (status, created) = s.send(Method::PUT, &ana, &path, &body("Ligar para o comprador", "2030-01-15")).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["taskid"], ID);
    assert_eq!(created["customername"], "PADARIA SÃO JOÃO DA MANHÃ LTDA");
    let (_, first_sync) = s.get(&ana, "/api/mascate/v1/tasks/sync?pageSize=1").await;
    let mark = first_sync["po_sync_date"].as_str().unwrap().to_string();

    let (status, again) = s.send(Method::PUT, &ana, &path, &body("Ligar para o comprador", "2030-01-15")).await;
    assert_eq!(status, 200);
    assert_eq!(again, created, "nothing changed");
    assert_eq!(rows_with_id(&s, ID).await, 1);
    let (_, diff) = s.get(&ana, &format!("/api/mascate/v1/tasks/sync/diff/{mark}")).await;
    assert!(items(&diff).is_empty(), "an unchanged body is no news: {diff}");

    let mut done = body("Ligar para o comprador", "2030-01-16");
    done["status"] = json!("done");
    let (status, changed) = s.send(Method::PUT, &ana, &path, &done).await;
    assert_eq!((status, &changed["status"], &changed["duedate"]), (200, &json!("done"), &json!("2030-01-16")));
    assert_eq!(changed["createdat"], created["createdat"]);
    let (_, diff) = s.get(&ana, &format!("/api/mascate/v1/tasks/sync/diff/{mark}")).await;
    assert_eq!(column(&diff, "taskid"), vec![ID.to_string()]);
    assert_eq!(items(&diff)[0]["deleted"], false);
    let (_, listed) = s.get(&ana, "/api/mascate/v1/tasks?FILTER=duedate%20eq%20'2030-01-16'").await;
    assert_eq!(column(&listed, "taskid"), vec![ID.to_string()]);
}

#[tokio::test]
async fn every_field_is_checked_with_a_400_naming_it() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let path = format!("/api/mascate/v1/tasks/{ID}");
    let cases: Vec<(Value, &str)> = vec![
        (json!({"customerid": "000002", "customerstore": "01", "duedate": "2030-01-15"}), "subject"),
        (body(&"x".repeat(121), "2030-01-15"), "subject"),
        (body("Ligar\u{7}", "2030-01-15"), "subject"),
        (body("Ligar\nagora", "2030-01-15"), "subject"),
        (body("Ligar", "2030-02-30"), "duedate"),
        (body("Ligar", "15/01/2030"), "duedate"),
        (
            json!({"customerid": "000002", "customerstore": "01", "subject": "Ligar", "duedate": "2030-01-15",
                "status": "closed"}),
            "status",
        ),
        (
            json!({"customerid": "000002", "customerstore": "01", "subject": "Ligar", "duedate": "2030-01-15",
                "notes": "n".repeat(2001)}),
            "notes",
        ),
        (json!({"customerid": "", "customerstore": "01", "subject": "Ligar", "duedate": "2030-01-15"}), "customerid"),
        (json!({"customerid": 2, "customerstore": "01", "subject": "Ligar", "duedate": "2030-01-15"}), "objeto JSON"),
        (json!(["not", "an", "object"]), "objeto JSON"),
    ];
    for (bad, named) in cases {
        let (status, answer) = s.send(Method::PUT, &ana, &path, &bad).await;
        assert_eq!(status, 400, "{bad} → {answer}");
        assert!(answer["message"].as_str().unwrap().contains(named), "{named}: {answer}");
    }
    let (status, answer) = s.send(Method::PUT, &ana, "/api/mascate/v1/tasks/short", &body("Ligar", "2030-01-15")).await;
    assert_eq!(status, 400);
    assert!(answer["message"].as_str().unwrap().contains("taskid"));
    let res = s.http.put(s.url(&path)).bearer_auth(&ana).body("not json").send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(rows_with_id(&s, ID).await, 0, "nothing was saved");
    let (status, _) = s.get(&ana, "/api/mascate/v1/tasks/x%01y-1234567").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn another_sellers_task_and_customer_answer_as_unknown() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let path = format!("/api/mascate/v1/tasks/{ID}");
    assert_eq!(s.send(Method::PUT, &ana, &path, &body("Da Ana", "2030-01-15")).await.0, 201);

    let (status, answer) = s.get(&bruno, &path).await;
    assert_eq!(status, 404);
    assert_eq!(answer["message"], "Tarefa não encontrada");
    let (_, unknown) = s.get(&bruno, "/api/mascate/v1/tasks/never-made-1234").await;
    assert_eq!(answer, unknown, "the same answer as an id nobody used");
    let bruno_customer: Value = s.get(&bruno, "/api/tgv/customers?pageSize=1").await.1["items"][0].clone();
    let mut theirs = body("Do Bruno", "2030-01-15");
    theirs["customerid"] = bruno_customer["code"].clone();
    theirs["customerstore"] = bruno_customer["store"].clone();
    let (status, _) = s.send(Method::PUT, &bruno, &path, &theirs).await;
    assert_eq!(status, 404, "never overwritten");
    let (status, _) = s.send(Method::PUT, &bruno, &format!("{path}/notes/note-0001"), &json!({"text": "oi"})).await;
    assert_eq!(status, 404);
    let (_, still) = s.get(&ana, &path).await;
    assert_eq!((&still["subject"], &still["notecount"]), (&json!("Da Ana"), &json!(0)));

    // Ana's customer is unknown to Bruno, and an unknown customer to anyone.
    let (status, answer) =
        s.send(Method::PUT, &bruno, "/api/mascate/v1/tasks/bruno-task-0001", &body("x", "2030-01-15")).await;
    assert_eq!(status, 404);
    assert_eq!(answer["message"], "Cliente nao encontrada");
    theirs["customerid"] = json!("999999");
    assert_eq!(s.send(Method::PUT, &ana, "/api/mascate/v1/tasks/ana-task-0002", &theirs).await.0, 404);
    let (_, sync) = s.get(&bruno, "/api/mascate/v1/tasks/sync?pageSize=1000").await;
    assert!(!column(&sync, "taskid").contains(&ID.to_string()));
    // A user with no seller has no tasks to write.
    let admin = s.token("admin").await;
    assert_eq!(s.send(Method::PUT, &admin, &path, &body("x", "2030-01-15")).await.0, 403);
}

#[tokio::test]
async fn notes_are_added_once_by_their_id_and_read_oldest_first() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let path = format!("/api/mascate/v1/tasks/{ID}");
    s.send(Method::PUT, &ana, &path, &body("Com notas", "2030-01-15")).await;
    let (_, before) = s.get(&ana, "/api/mascate/v1/tasknotes/sync?pageSize=1").await;
    let mark = before["po_sync_date"].as_str().unwrap().to_string();
    let first = json!({"text": "Primeira nota\ncom duas linhas"});
    let (status, note) = s.send(Method::PUT, &ana, &format!("{path}/notes/note-0001"), &first).await;
    assert_eq!(status, 201, "{note}");
    assert_eq!(note["noteid"], "note-0001");
    let (status, again) = s.send(Method::PUT, &ana, &format!("{path}/notes/note-0001"), &first).await;
    assert_eq!((status, &again), (200, &note));
    let (status, _) = s.send(Method::PUT, &ana, &format!("{path}/notes/note-0002"), &json!({"text": "Segunda"})).await;
    assert_eq!(status, 201);

    let (status, task) = s.get(&ana, &path).await;
    assert_eq!(status, 200);
    assert_eq!(task["notecount"], 2);
    let notes = task["tasknotes"].as_array().unwrap();
    let texts: Vec<&str> = notes.iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Primeira nota\ncom duas linhas", "Segunda"]);
    let (_, diff) = s.get(&ana, &format!("/api/mascate/v1/tasknotes/sync/diff/{mark}")).await;
    assert_eq!(column(&diff, "noteid"), ["note-0001", "note-0002"]);
    let (_, tasks) = s.get(&ana, &format!("/api/mascate/v1/tasks/sync/diff/{mark}")).await;
    assert_eq!(items(&tasks).last().unwrap()["notecount"], 2, "the task's count comes with the diff");

    for bad in [json!({"text": ""}), json!({"text": "n".repeat(2001)}), json!({"text": "a\u{1b}b"}), json!({})] {
        let (status, answer) = s.send(Method::PUT, &ana, &format!("{path}/notes/note-0003"), &bad).await;
        assert_eq!(status, 400, "{answer}");
        assert!(answer["message"].as_str().unwrap().contains("text"));
    }
    let (status, _) = s.send(Method::PUT, &ana, &format!("{path}/notes/bad"), &json!({"text": "x"})).await;
    assert_eq!(status, 400);
    let (status, _) =
        s.send(Method::PUT, &ana, "/api/mascate/v1/tasks/never-made-1234/notes/note-0001", &json!({"text": "x"})).await;
    assert_eq!(status, 404);
}
