// Credentials added by a helper that takes the request builder, conditional credentials, and a
// header map passed by `clone()`.
use reqwest::header::{AUTHORIZATION, HeaderMap};
use reqwest::{Method, RequestBuilder};

pub struct Service {
    client: reqwest::Client,
    token: Option<String>,
}

impl Service {
    fn authed(&self, rb: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        }
    }

    pub async fn status(&self) -> reqwest::Result<reqwest::Response> {
        self.authed(self.client.get("http://status.example.com/v1")).send().await
        //~^ cleartext_credentials
    }

    pub async fn status_tls(&self) -> reqwest::Result<reqwest::Response> {
        self.authed(self.client.get("https://status.example.com/v1")).send().await
    }

    pub async fn conditional(&self, url: &str) -> reqwest::Result<reqwest::Response> {
        let mut req = self.client.request(Method::GET, "http://jobs.example.com/queue");
        //~^ cleartext_credentials
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        let _ = url;
        req.send().await
    }
}

pub async fn cloned_headers(client: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, token.parse().unwrap());
    client.get("http://files.example.com/a").headers(headers.clone()).send().await?;
    //~^ cleartext_credentials
    client.get("https://files.example.com/b").headers(headers.clone()).send().await?;
    Ok(())
}
