from looptool.cli import main

main()
