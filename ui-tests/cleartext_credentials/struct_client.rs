// A client built with an `Authorization` default header, kept in a struct field, used with a base
// URL that one constructor sets to an `http://` host.
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, USER_AGENT};

const API_BASE: &str = "https://api.github.com";
const ENTERPRISE_BASE: &str = "http://github.corp.example.com/api/v3";

pub struct GitHub {
    client: reqwest::Client,
    base: String,
}

impl GitHub {
    pub fn new(token: &str) -> reqwest::Result<Self> {
        Self::with_base(API_BASE, token)
    }

    pub fn enterprise(token: &str) -> reqwest::Result<Self> {
        Self::with_base(ENTERPRISE_BASE, token)
    }

    fn with_base(base: &str, token: &str) -> reqwest::Result<Self> {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("token {token}")).unwrap());
        headers.insert(ACCEPT, HeaderValue::from_static("application/vnd.github+json"));
        headers.insert(USER_AGENT, HeaderValue::from_static("apiws"));
        let client = reqwest::Client::builder().default_headers(headers).build()?;
        Ok(Self { client, base: base.to_string() })
    }

    pub async fn repo(&self, owner: &str, name: &str) -> reqwest::Result<serde_json::Value> {
        let url = format!("{}/repos/{owner}/{name}", self.base);
        self.client.get(url).send().await?.json().await
        //~^ cleartext_credentials
    }
}

pub struct Public {
    client: reqwest::Client,
    base: String,
}

impl Public {
    pub fn new(token: &str) -> reqwest::Result<Self> {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("token {token}")).unwrap());
        let client = reqwest::Client::builder().default_headers(headers).build()?;
        Ok(Self { client, base: API_BASE.to_string() })
    }

    pub async fn repo(&self, owner: &str) -> reqwest::Result<serde_json::Value> {
        self.client.get(format!("{}/users/{owner}", self.base)).send().await?.json().await
    }
}
