// The cause taxonomy that ships with Hindsight; a site's hindsight.yaml can extend or replace it.
#include <algorithm>

#include "config/taxonomy.hpp"
#include "core/slug.hpp"

namespace hindsight {

const CauseDefinition* Taxonomy::find(std::string_view key_or_alias) const {
    const std::string wanted = slugify(key_or_alias);
    for (const auto& cause : causes) {
        if (cause.key == wanted) {
            return &cause;
        }
        for (const auto& alias : cause.aliases) {
            if (slugify(alias) == wanted) {
                return &cause;
            }
        }
    }
    return nullptr;
}

std::vector<std::string> Taxonomy::keys() const {
    std::vector<std::string> keys;
    for (const auto& cause : causes) {
        keys.push_back(cause.key);
    }
    return keys;
}

Taxonomy default_taxonomy() {
    // Keywords are matched at word starts, case-insensitively, in the root-cause text; they
    // were chosen from the wording of the real postmortems in shared/corpus.
    Taxonomy taxonomy{{
        {"race-condition",
         "Race condition",
         {"race", "concurrency"},
         {"race condition", "race", "concurren", "deadlock", "lock contention", "thread safety",
          "thread-safe", "synchroniz", "shared between users", "simultaneous"},
         true},
        {"resource-exhaustion",
         "Resource exhaustion",
         {"exhaustion", "leak", "oom"},
         {"exhaust",
          "out of memory",
          "oom",
          "memory leak",
          "connection leak",
          "leak",
          "file descriptors",
          "file watches",
          "ran out",
          "run out",
          "running out",
          "no space left",
          "disk full",
          "disk is full",
          "disk was full",
          "full disk",
          "filesystem is full",
          "full root filesystem",
          "out of disk",
          "disk space",
          "thread pool",
          "cpu",
          "memory usage",
          "high memory",
          "ram",
          "iops",
          "overload",
          "saturat",
          "too many connections",
          "max connections",
          "used most of",
          "limit was reached",
          "quota"},
         true},
        {"misconfiguration",
         "Misconfiguration",
         {"config", "configuration", "config-change"},
         {"misconfigur", "configuration", "config", "wrong value", "incorrect value", "iptables",
          "firewall rule", "permission", "wildcard", "not configured", "parameter",
          "environment variable", "typo in the config", ".conf", "port 80"},
         true},
        {"deployment",
         "Deployment",
         {"deploy", "release", "rollout"},
         {"deploy",        "release",       "rollout",   "roll out",       "rolled out",
          "upgrade",       "the update",    "an update", "routine update", "software update",
          "recent update", "system update", "migration", "uploaded",       "new version",
          "new code",      "code change",   "bump",      "change set",     "refactor"}},
        {"capacity",
         "Capacity",
         {"load", "traffic-spike", "scaling"},
         {"capacity", "traffic spike", "spike in traffic", "surge", "high load", "heavy load",
          "high traffic", "increased traffic", "scaling", "autoscal", "throttl", "demand",
          "under-provision", "not enough"},
         true},
        {"dependency",
         "Third-party dependency",
         {"third-party", "vendor", "upstream"},
         {"third-party",   "third party",    "vendor",
          "upstream",      "provider",       "external service",
          "outage in aws", "aws outage",     "aws services",
          "azure",         "cloudflare",     "github outage",
          "dependency",    "dependencies",   "gke",
          "google cloud",  "cloud provider", "heroku",
          "fastly",        "akamai",         "chaos"},
         true},
        {"network",
         "Network",
         {"networking"},
         {"network", "packet loss", "bgp", "routing", "firewall", "iptables", "connectivity",
          "partition", "switch", "vpn", "subnet"}},
        {"database",
         "Database",
         {"db"},
         {"database", "postgres", "mysql", "mariadb", "mongo", "replica", "sql", "query",
          "connection pool", "dynamodb", "vitess", "table lock"}},
        {"cache",
         "Cache",
         {"caching", "cdn-cache"},
         {"cache", "caching", "redis", "memcache", "stale", "eviction"}},
        {"load-balancer",
         "Load balancer",
         {"lb", "balancer"},
         {"load balancer", "load-balancer", "load balancing", "haproxy", "alb", "elb", "traefik",
          "health check", "upstream pool", "target group"}},
        {"dns",
         "DNS",
         {"domain"},
         {"dns", "resolver", "nameserver", "name server", "domain name", "a record", "cname",
          "route 53", "route53", "namecheap"}},
        {"certificate",
         "Certificate",
         {"tls", "ssl", "cert"},
         {"certificate", "tls", "ssl", "expired cert", "cert expir", "let's encrypt",
          "letsencrypt"},
         true},
        {"storage",
         "Storage",
         {"disk"},
         {"storage", "disk", "volume", "filesystem", "file system", "s3", "bucket", "i/o", "iops"}},
        {"security",
         "Security",
         {"attack", "ddos", "breach"},
         {"security", "attack", "ddos", "breach", "vulnerabilit", "malicious", "phishing",
          "compromised", "unauthorized", "exploit"},
         true},
        {"human-error",
         "Human error",
         {"operator-error", "manual-error"},
         {"human error", "accidentally", "mistakenly", "mistake", "operator error", "typo",
          "typographic", "forgot", "oversight", "didn't run", "did not run", "without testing",
          "without running", "misspel", "mispel", "by hand"},
         true},
        {"software-bug",
         "Software bug",
         {"bug", "code-bug", "regression"},
         {"bug",
          "regression",
          "null pointer",
          "exception",
          "off-by-one",
          "logic error",
          "error in the code",
          "code error",
          "application error",
          "typo",
          "typographic",
          "misspel",
          "mispel",
          "syntax error",
          "conflict",
          "incompatib",
          "defect",
          "crash",
          "broken code",
          "wrong file",
          "php",
          "driver",
          "faulty"},
         true},
        {"hardware",
         "Hardware",
         {"hardware-failure"},
         {"hardware", "power outage", "power failure", "power break", "power cut", "power loss",
          "loss of power", "lost power", "electrical failure", "electrical fault", "disk failure",
          "server failure", "data center", "datacenter", "kernel panic", "failed node"},
         true},
    }};
    std::sort(taxonomy.causes.begin(), taxonomy.causes.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });
    return taxonomy;
}

}  // namespace hindsight
