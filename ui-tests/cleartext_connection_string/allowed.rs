//@ cleartext-host 10.0.0.0/8
// A host allowed by the policy, and a password-less URL.
const REDIS_MESH: &str = "redis://:hunter2@10.20.30.40:6379/0";
const REDIS_NO_PASSWORD: &str = "redis://cache.example.com:6379/0";
