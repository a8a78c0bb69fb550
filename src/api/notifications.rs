//! Notifications (§12).

use gloo_net::http::Method;
use mascate_domain::contract::{ListEnvelope, Notification};
use serde_json::{json, Value};

use super::{encode, Api, ApiError};

impl Api {
    /// The rep's notifications, newest first.
    pub async fn notifications(&self) -> Result<Vec<Notification>, ApiError> {
        let list: ListEnvelope<Notification> =
            self.get_json("/api/tgv/notifications/", &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }

    /// How many are unread.
    pub async fn unread_notifications(&self) -> Result<usize, ApiError> {
        let list: ListEnvelope<Notification> = self
            .get_json(
                "/api/tgv/notifications/",
                &[("FILTER", "notificationstatus eq '1'".into()), ("pageSize", "200".into()), ("FIELDS", "id".into())],
            )
            .await?;
        Ok(list.items.len())
    }

    pub async fn mark_read(&self, id: &str) -> Result<(), ApiError> {
        let _: Value = self
            .send_json(
                Method::PUT,
                &format!("/api/tgv/notifications/{}", encode(id)),
                &json!({"notificationstatus": "2"}),
            )
            .await?;
        Ok(())
    }

    pub async fn delete_notification(&self, id: &str) -> Result<(), ApiError> {
        let _: Value =
            self.send_json(Method::DELETE, &format!("/api/tgv/notifications/{}", encode(id)), &json!({})).await?;
        Ok(())
    }
}
