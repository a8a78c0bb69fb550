//! The rep's own data and account, Mascate extensions: the seller record (`SA3`) as the rep
//! sees it, and the account's e-mail, language and password.

use serde::{Deserialize, Serialize};

/// `GET /api/mascate/v1/sellers/me`: the caller's seller (SA3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerProfile {
    /// `A3_COD`.
    pub code: String,
    /// `A3_NOME`.
    pub name: String,
    #[serde(rename = "shortname")]
    pub short_name: String,
    /// `A3_EMAIL`.
    pub email: String,
    /// `A3_DDDTEL`.
    #[serde(rename = "areacode")]
    pub area_code: String,
    /// `A3_TEL`.
    pub phone: String,
    #[serde(rename = "cellphone")]
    pub cell_phone: String,
    /// The sales region (`A3_REGIAO`, described).
    pub region: String,
    /// Commission, percent (`A3_COMIS`).
    pub commission: f64,
}

/// The languages an account may choose.
pub const LANGUAGES: [&str; 3] = ["pt-BR", "en", "es"];

/// The password rules, as fields and as a sentence per language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordPolicy {
    #[serde(rename = "minlength")]
    pub min_length: u32,
    #[serde(rename = "maxlength")]
    pub max_length: u32,
    /// At least one letter.
    pub letter: bool,
    /// At least one digit.
    pub digit: bool,
    /// Not the user name.
    #[serde(rename = "notusername")]
    pub not_user_name: bool,
    /// Not the current password.
    #[serde(rename = "notcurrent")]
    pub not_current: bool,
    /// The rules in words: `pt-BR`, `en`, `es`.
    pub text: PolicyText,
}

/// A sentence in each of the app's languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyText {
    #[serde(rename = "pt-BR")]
    pub pt_br: String,
    pub en: String,
    pub es: String,
}

/// `GET /api/mascate/v1/account` (and the answer of its `PATCH`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    pub username: String,
    pub name: String,
    pub email: String,
    /// One of [`LANGUAGES`].
    pub language: String,
    #[serde(rename = "passwordpolicy")]
    pub password_policy: PasswordPolicy,
}

/// `PATCH /api/mascate/v1/account` body: what changes (at least one).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `POST /api/mascate/v1/account/password` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}
