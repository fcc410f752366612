#! /usr/bin/env python3
# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Examples that ns-3's test.py runs as tests: (example_name, do_run, do_valgrind_run).
cpp_examples = [
    ("ipsec-esp-exchange --pcapPrefix=", "True", "True"),
    ("access-rotation-example --ues=2 --days=1", "True", "True"),
    ("ims-network-example --ues=2 --duration=1h --rotation=20min --quiet=true", "True", "True"),
]

python_examples = []
