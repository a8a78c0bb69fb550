//! The industrial side of a customer (Mascate extensions, issue 25): goods held for
//! industrialisation and the production orders serving the customer's sales orders, per
//! customer and per sales order.

use mascate_domain::contract::{HeldStock, ListEnvelope, ProductionOrder};

use super::{encode, Api, ApiError};

impl Api {
    /// The customer's goods the company holds, newest first.
    pub async fn held_stock(&self, code: &str, store: &str) -> Result<Vec<HeldStock>, ApiError> {
        let path = format!("/api/mascate/v1/customers/{}/{}/heldstock", encode(code), encode(store));
        let list: ListEnvelope<HeldStock> = self.get_json(&path, &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }

    /// The production orders serving the customer's sales orders, newest start first.
    pub async fn customer_production_orders(&self, code: &str, store: &str) -> Result<Vec<ProductionOrder>, ApiError> {
        let path = format!("/api/mascate/v1/customers/{}/{}/productionorders", encode(code), encode(store));
        let list: ListEnvelope<ProductionOrder> = self.get_json(&path, &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }

    /// The production orders serving one sales order (none: an empty list).
    pub async fn order_production_orders(&self, number: &str) -> Result<Vec<ProductionOrder>, ApiError> {
        let path = format!("/api/mascate/v1/orders/{}/productionorders", encode(number));
        let list: ListEnvelope<ProductionOrder> = self.get_json(&path, &[("pageSize", "200".into())]).await?;
        Ok(list.items)
    }
}
