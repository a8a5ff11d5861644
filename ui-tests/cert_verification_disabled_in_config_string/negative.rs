// Safe values, messages, docs and test code are never findings.

/// Do not use `tlsAllowInvalidCertificates=true` or `rediss://host/#insecure`.
const MONGO: &str = "mongodb://db.example.com/?tls=true&tlsCAFile=/etc/ssl/ca.pem";
const REDIS: &str = "rediss://cache.example.com:6380/";
const ADO: &str = "server=tcp:sql.example.com,1433;TrustServerCertificate=false";

fn explain() -> anyhow::Result<()> {
    anyhow::bail!("tlsInsecure=true is refused by policy")
}

fn check(uri: &str) -> Result<(), String> {
    if uri.contains("tlsInsecure=true") {
        return Err("tlsInsecure=true is not allowed".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    const FIXTURE: &str = "mongodb://localhost/?tlsAllowInvalidCertificates=true";
}

const MONGO_INSECURE_OFF: &str = "mongodb+srv://cluster0.example.com/?tlsInsecure=false";
const MONGO_HOSTNAMES_OFF: &str = "mongodb+srv://cluster0.example.com/?tlsAllowInvalidHostnames=false";
const MYSQL_IDENTITY: &str = "mysql://app@mysql.example.com/shop?require_ssl=true&verify_identity=true";
