"""What computers said about themselves over SSH or WinRM, parsed into HostInventory."""
