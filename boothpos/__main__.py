from boothpos.launch import main

raise SystemExit(main())
