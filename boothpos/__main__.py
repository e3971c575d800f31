from boothpos.cli import main

raise SystemExit(main())
