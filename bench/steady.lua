-- bench/post.lua at a steady pace: each connection waits 10 ms between requests (2 connections: ~190/s).
dofile("bench/post.lua")
function delay() return 10 end
