//@ cleartext-host *.svc.cluster.local
//@ cleartext-host 10.0.0.0/8
// Hosts listed in the policy's `allowed-cleartext-hosts` (globs and CIDRs) are exempt; others
// on private ranges are not.

async fn mesh(client: &reqwest::Client, token: &str) -> reqwest::Result<()> {
    client.get("http://billing.default.svc.cluster.local/v1").bearer_auth(token).send().await?;
    client.get("http://10.1.2.3:8080/v1").bearer_auth(token).send().await?;
    client.get("http://192.168.1.20:8080/v1").bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    client.get("http://svc.cluster.local.attacker.example/v1").bearer_auth(token).send().await?;
    //~^ cleartext_credentials
    Ok(())
}
