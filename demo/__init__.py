"""The demo site, the benchmark and the load test: development and test tools, never part
of the runtime.

Installed only by the development and test settings (metropolregion/settings/dev.py and
test.py) and left out of the Docker image (.dockerignore). The texts are data in demo/data/
(YAML, one file per theme); the builders read them and create the content with the test
factories (tests/factories), so the demo and the tests build pages the same way. No runtime
module imports this package.

Commands: `manage.py load_demo_content [--with-users]` (`make run`) and `manage.py bench`
(`make bench`).
"""
