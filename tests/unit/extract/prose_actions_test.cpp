// Tests for extract/prose_actions: the sentences of corrective prose that state actions.
#include <catch2/catch.hpp>

#include "extract/prose_actions.hpp"

using namespace hindsight;

TEST_CASE("each sentence that states an action is one, a joined sentence two", "[actions]") {
    CHECK(prose_actions("To prevent recurrence, we added guardrails and will build faster "
                        "rollback.") ==
          std::vector<std::string>{"To prevent recurrence, we added guardrails",
                                   "will build faster rollback."});
    CHECK(prose_actions("Configurations should be tested first using ApacheBench. The server "
                        "should also be reviewed by other peers.") ==
          std::vector<std::string>{"Configurations should be tested first using ApacheBench.",
                                   "The server should also be reviewed by other peers."});
}

TEST_CASE("sentences that state no action, and concluding ones, are none", "[actions]") {
    CHECK(prose_actions("The root cause was a typo. By implementing these measures, we will "
                        "avoid a repeat.")
              .empty());
    CHECK(prose_actions("Quality assurance is a primary stage in a software project.").empty());
}

TEST_CASE("a paragraph opening with a prevention statement is a prevention part", "[actions]") {
    CHECK(opens_prevention("To prevent recurrence, AWS validated the capacity settings."));
    CHECK(opens_prevention("To avoid this in the future, we will add alerts."));
    CHECK_FALSE(opens_prevention("To prevent abuse, the API needs a key."));
    CHECK_FALSE(opens_prevention("We restarted the server."));
}
