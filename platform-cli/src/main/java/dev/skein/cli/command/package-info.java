/** The commands of {@code skein}: one class per command group, its subcommands nested in it. */
package dev.skein.cli.command;
