// A URL that reaches a credential through a helper's parameter or a struct's field is judged by
// what the package passes or gives it, as the direct spelling is.
pub async fn direct(c: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    c.get("http://api.example.com/v1").bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    Ok(())
}

async fn fetch(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {
    c.get(base).bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    Ok(())
}

pub async fn through_helper(c: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    fetch(c, "http://api.example.com/v1", token).await
}

// Callers that pass only `https://` or loopback URLs, or a URL read at run time: no finding.
async fn fetch_safe(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {
    c.get(base).bearer_auth(token).send().await?;
    Ok(())
}

pub async fn safe_callers(c: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    fetch_safe(c, "https://api.example.com/v1", token).await?;
    fetch_safe(c, "http://127.0.0.1:8080/v1", token).await
}

async fn fetch_configured(c: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {
    c.get(base).bearer_auth(token).send().await?;
    Ok(())
}

pub async fn configured(c: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    let base = std::env::var("API_URL").unwrap_or_default();
    fetch_configured(c, &base, token).await
}

// A base URL stored in a field, given by a builder setter and read in a `format!`.
pub struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    pub fn new(client: reqwest::Client) -> Self {
        Api { client, base: String::new() }
    }

    fn base(mut self, base: &str) -> Self {
        self.base = base.to_string();
        self
    }

    pub async fn users(&self, token: &str) -> reqwest::Result<()> {
        self.client.get(format!("{}/users", self.base)).bearer_auth(token).send().await?;
        //~^ cleartext_credentials
        Ok(())
    }
}

pub fn staging(client: reqwest::Client) -> Api {
    Api::new(client).base("http://staging.example.com")
}
