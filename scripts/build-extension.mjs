// Replaced by the browser extension build (issue 7).
console.log('Browserudvidelsen bygges ikke endnu.');
