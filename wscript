# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
"""imssec with a waf-based ns-3 tree (ns-3.35 and older).

This project builds with CMake against an installed ns-3 (see README.md).  To use the module
in a waf-based ns-3 source tree instead:

    cp -r contrib/imssec <ns-3>/contrib/
    cd <ns-3>
    ./waf configure --enable-examples --enable-tests
    ./waf build
    ./test.py --suite=imssec-version      # or any imssec-* suite

contrib/imssec/wscript lists the module's sources (kept equal to its CMakeLists.txt by the
build-lists test).  This file only explains that; it builds nothing itself.
"""


def options(opt):
    pass


def configure(conf):
    conf.fatal(__doc__)
