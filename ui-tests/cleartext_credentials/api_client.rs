// A typical API client: the base URL in a field set by the constructor, the token on every
// request. The base URL reaches the request through the field and the constructor's parameter.
use serde_json::Value;

pub struct Api {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

impl Api {
    pub fn new(base_url: &str, token: String) -> Api {
        Api { http: reqwest::Client::new(), base_url: base_url.to_string(), token }
    }

    pub async fn user(&self, id: u64) -> reqwest::Result<Value> {
        self.http.get(format!("{}/users/{id}", self.base_url)).bearer_auth(&self.token).send().await?.json().await
        //~^ cleartext_credentials
    }
}

pub async fn run(token: String) -> reqwest::Result<Value> {
    let api = Api::new("http://crm.example.com/api", token);
    api.user(7).await
}

pub struct Local {
    http: reqwest::Client,
    base_url: String,
}

impl Local {
    pub fn new() -> Local {
        Local { http: reqwest::Client::new(), base_url: "http://127.0.0.1:7070".into() }
    }

    pub async fn user(&self, token: &str) -> reqwest::Result<Value> {
        self.http.get(format!("{}/users", self.base_url)).bearer_auth(token).send().await?.json().await
    }
}

pub struct Billing {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl Billing {
    pub fn new(base: &str, key: &str) -> Billing {
        Billing { http: reqwest::Client::new(), base: base.to_string(), key: key.to_string() }
    }

    pub async fn invoices(&self) -> reqwest::Result<Value> {
        self.http.get(format!("{}/invoices", self.base)).header("X-Api-Key", &self.key).send().await?.json().await
    }
}

pub struct Mirror {
    target: String,
}

impl Mirror {
    pub fn new(target: &str) -> Mirror {
        Mirror { target: target.to_string() }
    }
}

pub fn wiring(key: &str) -> (Billing, Mirror) {
    (Billing::new("https://billing.example.com", key), Mirror::new("http://mirror.example.com"))
}
