//! Customer finances (§4.3–4.5), notifications (§12), home indicators (§13) and taxes (§11).

use serde::{Deserialize, Serialize};

/// An open bill (§4.4). `status`: `A` open, `P` partly paid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Bill {
    pub id: String,
    pub prefix: String,
    #[serde(rename = "titlecode")]
    pub number: String,
    pub installment: String,
    #[serde(rename = "billvalue")]
    pub value: f64,
    #[serde(rename = "titlebalance")]
    pub balance: f64,
    #[serde(rename = "writeoffnetvalue")]
    pub paid: f64,
    #[serde(rename = "installmentmaturity")]
    pub due_date: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    pub status: String,
}

/// `financialstatus` (§4.3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FinancialStatus {
    pub id: String,
    pub code: String,
    pub store: String,
    #[serde(rename = "oldestdue")]
    pub oldest_due: String,
}

/// A notification (§12). `status` 1 unread, 2 read; `kind` 1 order, 3 quotation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notification {
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "notificationdate")]
    pub date: String,
    #[serde(rename = "notificationtime")]
    pub time: String,
    #[serde(rename = "notificationstatus")]
    pub status: String,
    #[serde(rename = "movimentationstatus")]
    pub movement: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

impl Notification {
    pub fn is_unread(&self) -> bool {
        self.status.trim() == "1"
    }
}

/// A home card (§13.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HomeCard {
    #[serde(rename = "titulo")]
    pub title: String,
    pub total: f64,
    /// 0 neutral, 1 warning, 2 success.
    #[serde(rename = "tipo")]
    pub kind: i64,
}

/// One chart of `chartsHome` (§13.2); the dataset is stringified JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HomeChart {
    #[serde(rename = "titulo")]
    pub title: String,
    pub chart_dataset: String,
}

/// A tax in the summary (§11).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaxLine {
    #[serde(rename = "imposto")]
    pub code: String,
    #[serde(rename = "descricao")]
    pub name: String,
    #[serde(rename = "base_calculo")]
    pub base: f64,
    #[serde(rename = "aliquota")]
    pub rate: f64,
    #[serde(rename = "valor")]
    pub value: f64,
}

/// The taxes of an order (§11), read tolerantly (a bare object or `{items:[obj]}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Taxes {
    #[serde(rename = "valor_contabil")]
    pub grand_total: f64,
    #[serde(rename = "valor_mercadoria")]
    pub goods: f64,
    #[serde(rename = "total_impostos_embutidos")]
    pub included: f64,
    #[serde(rename = "total_impostos_sem_incidencia")]
    pub added: f64,
    #[serde(rename = "total_impostos")]
    pub total: f64,
    #[serde(rename = "TaxesDetail")]
    pub lines: Vec<TaxLine>,
}

impl Taxes {
    /// Reads either shape of the response.
    pub fn from_json(v: &serde_json::Value) -> Option<Taxes> {
        let obj = match v.get("items").and_then(|i| i.get(0)) {
            Some(first) => first,
            None => v,
        };
        serde_json::from_value(obj.clone()).ok()
    }
}
