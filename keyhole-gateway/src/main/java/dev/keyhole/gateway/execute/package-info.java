/** One execution: authorize, bind, plan, compile, pre-flight, mint credentials, execute, shape, seal the cursor. */
package dev.keyhole.gateway.execute;
