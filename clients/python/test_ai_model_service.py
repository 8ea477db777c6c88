"""Tests of the Python client. The server tests need a running app (npm test starts one and sets
AI_MODEL_CONFIG_URL, AI_MODEL_CONFIG_KEY and AMM_EXPECT_OPENAI_FLAGSHIP); between the client and the app sits a
counting proxy, so each test sees how many requests reached the server and can take the server away."""

import calendar
import http.server
import json
import os
import socket
import threading
import unittest
import urllib.request

from ai_model_service import _BUILTIN_NAMES, AIModelService, builtin_defaults, deprecation_notice

SERVER = os.environ.get("AI_MODEL_CONFIG_URL")
KEY = os.environ.get("AI_MODEL_CONFIG_KEY")
EXPECTED = os.environ.get("AMM_EXPECT_OPENAI_FLAGSHIP")
CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib", "catalog", "catalog.json")


def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return "http://127.0.0.1:%d" % s.getsockname()[1]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class CountingProxy:
    """Forwards every request to the app and counts the config requests."""

    def __init__(self, target):
        proxy = self
        self.config_requests = 0
        self.paths = []
        self.statuses = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/api/ai-model-config?"):
                    proxy.config_requests += 1
                proxy.paths.append(self.path)
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "if-none-match", "accept")}
                req = urllib.request.Request(target + self.path, headers=headers)
                try:
                    with urllib.request.urlopen(req, timeout=10) as res:
                        status, body, out = res.status, res.read(), res.headers
                except urllib.error.HTTPError as err:
                    status, body, out = err.code, err.read(), err.headers
                proxy.statuses.append(status)
                self.send_response(status)
                for name in ("Content-Type", "ETag"):
                    if out.get(name):
                        self.send_header(name, out.get(name))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class WithoutServer(unittest.TestCase):
    def test_builtin_defaults_follow_the_catalog(self):
        defaults = builtin_defaults(CATALOG)
        with open(CATALOG, encoding="utf-8") as f:
            providers = json.load(f)["providers"]
        for provider, entry in providers.items():
            for model_type in ("flagship", "fast"):
                self.assertEqual(defaults[(provider, model_type)]["model_name"], entry["defaults"][model_type])

    def test_the_names_kept_for_a_missing_catalog_match_the_catalog(self):
        catalog = builtin_defaults(CATALOG)
        for provider, names in _BUILTIN_NAMES.items():
            for model_type, name in names.items():
                self.assertEqual(catalog[(provider, model_type)]["model_name"], name)

    def test_without_a_catalog_file_the_built_in_names_answer(self):
        service = AIModelService(base_url=closed_port_url(), catalog_path="/nonexistent/catalog.json", on_error=lambda *a: None)
        self.assertEqual(service.get_model("google", "fast"), _BUILTIN_NAMES["google"]["fast"])

    def test_without_a_url_it_reports_and_answers_the_catalog_default(self):
        errors = []
        service = AIModelService(base_url="", catalog_path=CATALOG, on_error=lambda e, p, t: errors.append(str(e)))
        service.base_url = ""
        config = service.get_model_config("anthropic", "flagship")
        self.assertEqual(config["from"], "builtin")
        self.assertEqual(config["source"], "fallback")
        self.assertTrue(config["pricing"]["input_per_mtok"] is not None)
        self.assertIn("AI_MODEL_CONFIG_URL", errors[0])

    def test_get_model_never_raises_even_with_a_failing_handler(self):
        def explode(*args):
            raise RuntimeError("broken handler")

        service = AIModelService(base_url=closed_port_url(), on_error=explode)
        self.assertEqual(service.get_model("openai", "fast"), _BUILTIN_NAMES["openai"]["fast"])

    def test_an_unknown_provider_or_type_is_a_clear_error_not_an_empty_name(self):
        service = AIModelService(base_url=closed_port_url())
        with self.assertRaisesRegex(ValueError, "Unknown provider 'acme': use one of anthropic, google, mistral, openai"):
            service.get_model("acme", "flagship")
        with self.assertRaisesRegex(ValueError, "Unknown model type 'huge'"):
            service.get_model_config("openai", "huge")


@unittest.skipUnless(SERVER and KEY and EXPECTED, "needs a running app (npm test provides one)")
class AgainstTheServer(unittest.TestCase):
    def setUp(self):
        self.proxy = CountingProxy(SERVER)
        self.clock = Clock()
        self.errors = []

    def tearDown(self):
        self.proxy.stop()

    def service(self, **kwargs):
        options = dict(base_url=self.proxy.url, api_key=KEY, clock=self.clock, on_error=lambda e, p, t: self.errors.append(e))
        options.update(kwargs)
        return AIModelService(**options)

    def test_reads_the_url_and_key_from_the_environment(self):
        self.assertEqual(AIModelService().get_model("openai", "flagship"), EXPECTED)

    def test_answers_the_registry_default_and_serves_repeats_from_its_cache(self):
        service = self.service()
        self.assertEqual(service.get_model("openai", "flagship"), EXPECTED)
        self.assertEqual(service.get_model("openai"), EXPECTED)
        config = service.get_model_config("openai", "flagship")
        self.assertEqual(config["from"], "cache")
        self.assertIn("input_per_mtok", config["pricing"])
        self.assertEqual(self.proxy.config_requests, 1)
        self.assertEqual(self.errors, [])

    def test_sends_one_request_for_concurrent_callers(self):
        service = self.service()
        names = []
        threads = [threading.Thread(target=lambda: names.append(service.get_model("mistral", "fast"))) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(set(names)), 1)
        self.assertEqual(self.proxy.config_requests, 1)

    def test_asks_again_after_the_ttl_and_revalidates_with_the_etag(self):
        service = self.service(ttl=10)
        service.get_model("google", "flagship")
        self.clock.now += 5
        service.get_model("google", "flagship")
        self.assertEqual(self.proxy.config_requests, 1)
        self.clock.now += 6
        self.assertEqual(service.get_model_config("google", "flagship")["from"], "network")
        self.assertEqual(self.proxy.statuses, [200, 304])

    def test_answers_the_stale_copy_when_the_server_goes_down(self):
        service = self.service(ttl=10)
        self.assertEqual(service.get_model("openai", "flagship"), EXPECTED)
        self.proxy.stop()  # its port is now closed: the server is gone
        self.clock.now += 11
        config = service.get_model_config("openai", "flagship")
        self.assertEqual((config["model_name"], config["from"]), (EXPECTED, "stale"))
        self.assertEqual(len(self.errors), 1)
        self.assertIn("unreachable", str(self.errors[0]))

    def test_answers_the_catalog_default_when_the_server_is_down_and_nothing_is_cached(self):
        service = self.service(base_url=closed_port_url(), catalog_path=CATALOG)
        config = service.get_model_config("openai", "flagship")
        self.assertEqual(config["from"], "builtin")
        self.assertEqual(config["model_name"], builtin_defaults(CATALOG)[("openai", "flagship")]["model_name"])
        self.assertNotEqual(config["model_name"], EXPECTED)

    def test_a_wrong_key_is_reported_once_and_answers_the_fallback_without_retrying_each_call(self):
        service = self.service(api_key="wrong-key-123456")
        fallback = builtin_defaults(CATALOG)[("anthropic", "fast")]["model_name"]
        self.assertEqual(service.get_model("anthropic", "fast"), fallback)
        self.assertEqual(service.get_model("anthropic", "fast"), fallback)
        self.assertEqual([e.status for e in self.errors], [401])
        self.assertEqual(self.proxy.config_requests, 1)

    def test_answers_a_route_with_its_chain_from_cache_and_stale_when_the_server_goes_down(self):
        service = self.service(ttl=10)
        route = service.get_route("py-summarize")
        self.assertEqual((route["model_name"], route["from"]), (EXPECTED, "network"))
        self.assertEqual(len(route["chain"]), 2)
        self.assertTrue(route["chain"][0]["skipped"])
        self.assertEqual(service.get_route("py-summarize")["from"], "cache")
        self.proxy.stop()
        self.clock.now += 11
        stale = service.get_route("py-summarize")
        self.assertEqual((stale["model_name"], stale["from"], len(stale["chain"])), (EXPECTED, "stale", 2))
        self.assertIn("unreachable", str(self.errors[0]))

    def test_a_route_with_nothing_cached_that_fails_answers_the_fallback_slot(self):
        service = self.service()
        answer = service.get_route("no-such-route", fallback="openai:flagship")
        self.assertEqual((answer["model_name"], answer["from"], answer["chain"]), (EXPECTED, "fallback", []))
        self.assertEqual((self.errors[0].status, self.errors[0].code), (404, "not_found"))
        with self.assertRaises(ValueError):
            service.get_route("Bad Name")

    def test_selects_with_one_request_per_query_and_answers_the_fallback_when_nothing_matches(self):
        service = self.service()
        best = service.select({"type": "flagship", "providers": ["openai", "google"]})
        self.assertEqual((best["model_name"], best["from"]), (EXPECTED, "network"))
        self.assertGreaterEqual(best["matched"], 2)
        self.assertIsInstance(best["alternatives"], list)
        self.assertEqual(service.select({"providers": ["openai", "google"], "type": "flagship"})["from"], "cache")
        self.assertEqual([p for p in self.proxy.paths if p.startswith("/api/ai-model-config/select")], ["/api/ai-model-config/select?type=flagship&providers=openai%2Cgoogle"])
        none = service.select({"providers": ["openai"], "max_input_price": 0.000001})
        self.assertEqual((none["from"], none["matched"], none["model_name"]), ("fallback", 0, EXPECTED))
        self.assertEqual(self.errors[-1].code, "no_match")

    def test_warns_once_per_model_within_30_days_of_its_shutdown(self):
        # npm test gives claude-haiku-4-5 (anthropic fast) the shutdown date 2026-12-21; "now" is 2026-12-01.
        notices = []
        now = calendar.timegm((2026, 12, 1, 0, 0, 0))
        service = self.service(ttl=1.0, on_deprecation=notices.append, wall_clock=lambda: now)
        self.assertEqual(service.get_model("anthropic", "fast"), "claude-haiku-4-5")
        self.clock.now += 5  # expired: asked again
        service.get_model("anthropic", "fast")
        service.get_model("openai", "flagship")
        self.assertEqual(notices, [{"provider": "anthropic", "type": "fast", "model_name": "claude-haiku-4-5", "shutdown_date": "2026-12-21", "days_left": 20, "successor": None}])


class DeprecationNotice(unittest.TestCase):
    def test_notices_only_within_30_days(self):
        now = calendar.timegm((2026, 12, 1, 0, 0, 0))
        config = {"provider": "openai", "model_name": "m"}
        self.assertEqual(deprecation_notice(dict(config, shutdown_date="2026-12-31"), "fast", now)["days_left"], 30)
        self.assertIsNone(deprecation_notice(dict(config, shutdown_date="2027-01-01"), "fast", now))
        self.assertIsNone(deprecation_notice(dict(config, shutdown_date=None), "fast", now))


if __name__ == "__main__":
    unittest.main()
