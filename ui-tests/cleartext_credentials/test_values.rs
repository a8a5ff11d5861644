// A value bound in test code never reaches production code: not the `let` of a `#[test]`
// function through a name the loop of another function binds, not a test's call through a
// parameter, not a struct literal of a `#[test]` function through a field. The production call
// of the same function is still followed, and a host the loop binds is built at run time (not the
// test's loopback address).
#[test]
fn urls() {
    let url = "http://mock.example.com/mcp";
    let host = "127.0.0.1";
    let _ = (url, host);
    let _ = send_to(&reqwest::Client::new(), "http://mock.example.com/mcp", "t");
    let _api = Api { http: reqwest::Client::new(), base_url: "http://mock.example.com".into(), token: "t".into() };
}

pub async fn each(client: &reqwest::Client, urls: Vec<String>, token: &str) -> reqwest::Result<()> {
    for url in urls {
        client.post(url).bearer_auth(token).send().await?;
    }
    Ok(())
}

pub async fn each_host(client: &reqwest::Client, hosts: Vec<(String, u16)>, token: &str) -> reqwest::Result<()> {
    for (host, port) in hosts {
        client.post(format!("http://{}:{}/mcp", host, port)).bearer_auth(token).send().await?;
        //~^ cleartext_credentials
    }
    Ok(())
}

pub async fn send_to(client: &reqwest::Client, url: &str, token: &str) -> reqwest::Result<()> {
    client.post(url).bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    Ok(())
}

pub async fn production(client: &reqwest::Client) -> reqwest::Result<()> {
    send_to(client, "http://api.example.com/mcp", "t").await
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
