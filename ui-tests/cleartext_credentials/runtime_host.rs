// A URL whose host is a `format!` placeholder names a host built at run time, never `0`; a
// struct literal in test code supplies no base URL to production code.
pub async fn fetch(client: &reqwest::Client, host: &str, port: u16, token: &str) -> reqwest::Result<()> {
    client.get(format!("http://{}:{}/x", host, port)).bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    Ok(())
}

pub struct Api {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

impl Api {
    pub async fn user(&self) -> reqwest::Result<()> {
        self.http.get(format!("{}/users", self.base_url)).bearer_auth(&self.token).send().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Api;

    #[test]
    fn user() {
        let _api = Api { http: reqwest::Client::new(), base_url: "http://mock.example.com".into(), token: "t".into() };
    }
}
