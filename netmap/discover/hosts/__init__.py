"""Host inventory over SSH and WinRM: what each computer says about itself."""
