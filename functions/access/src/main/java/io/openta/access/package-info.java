/** The access layer: file transfer over SFTP and file arrivals. */
package io.openta.access;
